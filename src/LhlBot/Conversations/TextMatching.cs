using System.Globalization;
using System.Text;

namespace LhlBot.Conversations;

/// <summary>
/// Folding of typed Norwegian for matching answers: case, spacing and punctuation ignored,
/// and æ/ø/å equal to the ae/o/aa people type on keyboards without them.
/// </summary>
internal static class TextMatching
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var builder = new StringBuilder(text.Length + 8);
        var lastWasSpace = true;
        foreach (var raw in text.Trim().ToLowerInvariant())
        {
            var folded = raw switch
            {
                'æ' or 'ä' => "ae",
                'ø' or 'ö' => "o",
                'å' => "aa",
                'é' or 'è' or 'ê' => "e",
                'á' => "a",
                _ => null,
            };
            if (folded is not null)
            {
                builder.Append(folded);
                lastWasSpace = false;
            }
            else if (char.IsLetterOrDigit(raw))
            {
                builder.Append(raw);
                lastWasSpace = false;
            }
            else if (!lastWasSpace && (char.IsWhiteSpace(raw) || char.IsPunctuation(raw) || char.IsSymbol(raw)))
            {
                // '.' between digits (15.03) is kept as a space so dates still split into numbers.
                builder.Append(' ');
                lastWasSpace = true;
            }
        }
        return builder.ToString().TrimEnd();
    }

    /// <summary>True when the text reads as a question rather than an answer ("hva er fase 3?", "korleis ...").</summary>
    public static bool LooksLikeQuestion(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.EndsWith('?')) return true;
        // «Hei, ka e fase 3», «Lurer på hva fase 3 er»: the first word after a greeting and a lead-in, and the question
        // words as people speak them.
        var words = Normalize(trimmed).Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(Greetings.Contains).ToList();
        var rest = string.Join(' ', words);
        var leadIn = LeadIns.FirstOrDefault(l => rest.StartsWith(l + " ", StringComparison.Ordinal));
        var first = (leadIn is null ? rest : rest[(leadIn.Length + 1)..]).Split(' ', 2)[0];
        return first.Length > 0 && QuestionWords.Contains(first);
    }

    private static readonly HashSet<string> Greetings = new(StringComparer.Ordinal) { "hei", "hallo", "heisann", "halla", "morn", "god", "morgen", "dag" };

    private static readonly string[] LeadIns =
        ["jeg lurer paa", "eg lurer paa", "vi lurer paa", "lurer paa", "lurte paa", "kan du si meg", "kan du fortelle meg", "kan du fortelle", "vet du", "veit du"];

    private static readonly HashSet<string> QuestionWords = new(StringComparer.Ordinal)
    {
        // bokmål
        "hva", "hvem", "hvor", "hvordan", "hvorfor", "hvilke", "hvilken", "hvilket", "naar",
        // nynorsk
        "kva", "kven", "kor", "korleis", "kvifor", "kvar", "kva for",
        // as spoken
        "ka", "kem", "aassen", "assen", "kossen", "koffer", "aaffer",
    };

    public static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.GetCultureInfo("nb-NO")) + text[1..];
}
