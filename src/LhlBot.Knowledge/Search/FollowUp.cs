using System.Text.RegularExpressions;

namespace LhlBot.Knowledge.Search;

/// <summary>Recognises a short follow-up ("og for KS?", "hva med nynorsk?", "kva med Nordland?") that only makes sense with the previous question.</summary>
internal static partial class FollowUp
{
    internal static bool IsFollowUp(string question, int contentWords)
    {
        var q = question.Trim().ToLowerInvariant();
        if (q.Length == 0) return false;
        if (Cue().IsMatch(q)) return contentWords <= 4;
        var words = q.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return words <= 3 && contentWords <= 2 && !QuestionWord().IsMatch(q);
    }

    internal static string StripCue(string question) => Cue().Replace(question.Trim(), "").Trim();

    // «å» also as typed without it («paa», «pa»), here and below.
    [GeneratedRegex(@"^(og|men|enn|ogs(å|aa|a)|og s(å|aa|a)|samme|hva med|kva med|hvordan med|korleis med|hva om|kva om|hva s(å|aa|a) med|kva s(å|aa|a) med|hvem med|gjelder det|gjeld det|og hva med|og kva med|hvis|viss|om)\b\s*(for|i|p(å|aa|a)|med|hos)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Cue();

    [GeneratedRegex(@"^(hva|kva|hvem|kven|hvor|kor|kvar|n(å|aa|a)r|hvordan|korleis|hvorfor|kvifor|hvilke|hvilken|hvilket|kva for|kan|er|har|m(å|aa|a)|skal|finnes|fins)\b")]
    private static partial Regex QuestionWord();
}
