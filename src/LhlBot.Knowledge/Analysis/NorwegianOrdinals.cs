using System.Text.RegularExpressions;

namespace LhlBot.Knowledge.Analysis;

/// <summary>
/// An ordinal before a numbered part, said the way the documents label it: «det første steget» is «Trinn 1»,
/// «den tredje fasen» is «Fase 3». Only before such labels: «det første året» stays as it is.
/// </summary>
internal static class NorwegianOrdinals
{
    // Bokmål, nynorsk and ASCII-typed forms. «andre» (also «other») is safe here: before a label it can only be «second».
    private static readonly Dictionary<string, string> Numbers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["første"] = "1", ["fyrste"] = "1", ["forste"] = "1",
        ["andre"] = "2", ["annen"] = "2", ["anna"] = "2", ["annet"] = "2", ["anne"] = "2",
        ["tredje"] = "3", ["fjerde"] = "4", ["femte"] = "5", ["sjette"] = "6",
        ["sjuende"] = "7", ["syvende"] = "7", ["sjuande"] = "7", ["åttende"] = "8", ["attende"] = "8", ["aattende"] = "8", ["åttande"] = "8", ["aattande"] = "8",
        ["niende"] = "9", ["niande"] = "9", ["tiende"] = "10", ["tiande"] = "10",
    };

    /// <summary>The parts the documents number, in their bare and definite forms.</summary>
    private static readonly string[] Labels =
        ["fase", "fasen", "trinn", "trinnet", "steg", "steget", "kapittel", "kapitlet", "kapittelet", "punkt", "punktet",
         "del", "delen", "vedlegg", "vedlegget", "tabell", "tabellen", "figur", "figuren"];

    private static readonly Regex OrdinalLabel = new(
        $@"\b({string.Join('|', Numbers.Keys)})\s+({string.Join('|', Labels)})\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    /// <summary>The text with every «ordinal label» written «label number».</summary>
    internal static string AsLabels(string text) =>
        OrdinalLabel.Replace(text, m => $"{m.Groups[2].Value} {Numbers[m.Groups[1].Value]}");
}
