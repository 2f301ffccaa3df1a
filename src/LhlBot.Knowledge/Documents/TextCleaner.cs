using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace LhlBot.Knowledge.Documents;

/// <summary>Removes what the PDF-to-Markdown conversion left behind, keeping the words and their meaning.</summary>
internal static partial class TextCleaner
{
    /// <summary>Cleans one line or paragraph: tags, Markdown emphasis and links, escapes, table pipes, runs of blanks.</summary>
    internal static string CleanInline(string text)
    {
        var s = Image().Replace(text, "");
        s = Link().Replace(s, "$1");
        s = Tag().Replace(s, " ");
        s = Escape().Replace(s, "$1");
        s = Emphasis().Replace(s, "");
        s = s.Replace('\t', ' ').Replace('\u00A0', ' ').Replace("|", " ");
        s = DashRule().Replace(s, " ");
        s = Blanks().Replace(s, " ").Trim();
        return s;
    }

    /// <summary>Headings converted from PDF are often in capitals; shown in sentence case so a card reads calmly.</summary>
    internal static string HeadingCase(string heading)
    {
        var letters = heading.Where(char.IsLetter).ToArray();
        if (letters.Length < 4 || letters.Any(char.IsLower)) return heading;
        var lower = heading.ToLower(CultureInfo.GetCultureInfo("nb-NO"));
        var first = lower.IndexOf(lower.First(char.IsLetter));
        return lower[..first] + char.ToUpper(lower[first], CultureInfo.GetCultureInfo("nb-NO")) + lower[(first + 1)..];
    }

    /// <summary>Joins two pieces of a paragraph the PDF broke, mending "plan-\nlegging" but keeping "helse- og omsorg".</summary>
    internal static string JoinBroken(string left, string right)
    {
        left = left.TrimEnd();
        right = right.TrimStart();
        if (left.Length == 0) return right;
        if (right.Length == 0) return left;
        if (left.Length >= 2 && left[^1] == '-' && char.IsLower(left[^2]) && char.IsLower(right[0]) && !Conjunction().IsMatch(right))
            return left[..^1] + right;
        return left + " " + right;
    }

    internal static bool EndsSentence(string text)
    {
        var t = text.TrimEnd();
        return t.Length > 0 && ".!?:;»\"')”".Contains(t[^1]);
    }

    internal static string CollapseWhitespace(string text) => Blanks().Replace(text, " ").Trim();

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)")] private static partial Regex Image();
    [GeneratedRegex(@"\[((?:\\.|[^\]])*)\]\([^)]*\)")] private static partial Regex Link();
    [GeneratedRegex(@"</?[a-zA-Z][^>]*>")] private static partial Regex Tag();
    [GeneratedRegex(@"\\([\\()\[\]*_#.\-!|])")] private static partial Regex Escape();
    [GeneratedRegex(@"\*{1,3}(?=\S)|(?<=\S)\*{1,3}|(?<!\w)_{2}|_{2}(?!\w)")] private static partial Regex Emphasis();
    [GeneratedRegex(@"(?<!\w)-{3,}(?!\w)")] private static partial Regex DashRule();
    [GeneratedRegex(@"[ \t\u00A0]+")] private static partial Regex Blanks();
    [GeneratedRegex(@"^(og|eller|and|samt)\b")] private static partial Regex Conjunction();
}
