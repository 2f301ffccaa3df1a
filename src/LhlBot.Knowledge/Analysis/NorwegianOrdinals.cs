using System.Text.RegularExpressions;

namespace LhlBot.Knowledge.Analysis;

/// <summary>
/// An ordinal before a numbered part, said the way the documents label it: «det første steget» is «Trinn 1»,
/// «den tredje fasen» is «Fase 3». Only before such labels: «det første året» stays as it is.
/// </summary>
internal static partial class NorwegianOrdinals
{
    private static readonly Dictionary<string, string> Numbers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["første"] = "1", ["fyrste"] = "1", ["forste"] = "1",
        ["andre"] = "2", ["annen"] = "2", ["anna"] = "2", ["annet"] = "2", ["anne"] = "2",
        ["tredje"] = "3", ["fjerde"] = "4", ["femte"] = "5", ["sjette"] = "6",
        ["sjuende"] = "7", ["syvende"] = "7", ["sjuande"] = "7", ["åttende"] = "8", ["attende"] = "8", ["åttande"] = "8",
        ["niende"] = "9", ["niande"] = "9", ["tiende"] = "10", ["tiande"] = "10",
    };

    /// <summary>The text with every «ordinal label» written «label number».</summary>
    internal static string AsLabels(string text) =>
        OrdinalLabel().Replace(text, m => $"{m.Groups[2].Value} {Numbers[m.Groups[1].Value]}");

    [GeneratedRegex(@"\b(første|fyrste|forste|andre|annen|anna|annet|anne|tredje|fjerde|femte|sjette|sjuende|syvende|sjuande|åttende|attende|åttande|niende|niande|tiende|tiande)\s+(fasen?|trinnet|trinn|steget|steg|kapitlet|kapittel|kapittelet|punktet|punkt|delen|del|vedlegget|vedlegg|tabellen|tabell|figuren|figur)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OrdinalLabel();
}
