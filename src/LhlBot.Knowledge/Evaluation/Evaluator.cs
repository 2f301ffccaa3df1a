using System.Text.RegularExpressions;
using LhlBot.Knowledge.Search;

namespace LhlBot.Knowledge.Evaluation;

internal sealed record QuestionOutcome(EvalQuestion Question, int Rank, bool Answered, double Confidence, ConfidenceSignals? Signals, string? TopSection);

/// <summary>Dev-set figures. A hit: a top-k passage's text contains one of the expected strings (case-insensitive, whitespace collapsed).</summary>
internal sealed record EvalMetrics(
    int Answerable, int Unanswerable, double HitAt1, double HitAt3, double MrrAt10, double UnanswerableDeclined, double AnswerableDeclined,
    IReadOnlyList<QuestionOutcome> Outcomes)
{
    internal static EvalMetrics Compute(IReadOnlyList<QuestionOutcome> outcomes)
    {
        var answerable = outcomes.Where(o => !o.Question.IsUnanswerable).ToList();
        var unanswerable = outcomes.Where(o => o.Question.IsUnanswerable).ToList();
        double Share(IEnumerable<QuestionOutcome> xs, Func<QuestionOutcome, bool> f, int n) => n == 0 ? 0 : xs.Count(f) / (double)n;
        return new EvalMetrics(
            answerable.Count, unanswerable.Count,
            Share(answerable, o => o.Rank == 1, answerable.Count),
            Share(answerable, o => o.Rank is >= 1 and <= 3, answerable.Count),
            answerable.Count == 0 ? 0 : answerable.Sum(o => o.Rank is >= 1 and <= 10 ? 1.0 / o.Rank : 0) / answerable.Count,
            Share(unanswerable, o => !o.Answered, unanswerable.Count),
            Share(answerable, o => !o.Answered, answerable.Count),
            outcomes);
    }
}

internal static partial class Evaluator
{
    internal static EvalMetrics Run(KnowledgeBase kb, IEnumerable<EvalQuestion> questions)
    {
        var outcomes = new List<QuestionOutcome>();
        foreach (var q in questions)
        {
            var (result, signals) = kb.SearchWithSignals(q.Question, 10, q.Previous);
            outcomes.Add(new QuestionOutcome(q, RankOf(result.Hits.Select(h => h.Text), q.Expect), result.Answered, result.Confidence, signals,
                result.Hits.FirstOrDefault() is { } h ? $"{h.Document} › {h.Section}" : null));
        }
        return EvalMetrics.Compute(outcomes);
    }

    /// <summary>1-based rank of the first passage containing an expected string, 0 when none of the top 10 does.</summary>
    internal static int RankOf(IEnumerable<string> texts, string[]? expect)
    {
        if (expect is null || expect.Length == 0) return 0;
        var wanted = expect.Select(Normalise).Where(e => e.Length > 0).ToList();
        var rank = 0;
        foreach (var text in texts.Take(10))
        {
            rank++;
            var t = Normalise(text);
            if (wanted.Any(w => t.Contains(w, StringComparison.Ordinal))) return rank;
        }
        return 0;
    }

    internal static string Normalise(string s) => Whitespace().Replace(s, " ").Trim().ToLowerInvariant();

    [GeneratedRegex(@"\s+")] private static partial Regex Whitespace();
}
