using System.Globalization;
using System.Text;
using LhlBot.Knowledge.Search;

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

    /// <summary>
    /// True when the text reads as a question rather than an answer ("hva er fase 3?", "korleis ..."), read as the
    /// search reads it: «Hei, ka e fase 3», «Lurer på hva fase 3 er. Takk!» are questions too.
    /// </summary>
    public static bool LooksLikeQuestion(string text)
    {
        var question = ChatQuestion.Bare(text.Trim());
        if (question.EndsWith('?')) return true;
        var first = Normalize(question).Split(' ', 2)[0];
        return QuestionWords.Contains(first);
    }

    private static readonly HashSet<string> QuestionWords = new(StringComparer.Ordinal)
    {
        // bokmål
        "hva", "hvem", "hvor", "hvordan", "hvorfor", "hvilke", "hvilken", "hvilket", "naar",
        // nynorsk
        "kva", "kven", "kor", "korleis", "kvifor", "kvar", "kva for",
    };

    public static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.GetCultureInfo("nb-NO")) + text[1..];
}
