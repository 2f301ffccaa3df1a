using System.Globalization;
using LhlBot.Knowledge.Search;

namespace LhlBot.Knowledge.Evaluation;

/// <summary>
/// Fits the scorer on the seen question sets, deterministically, so its result can be checked against
/// <see cref="SearchSettings.Default"/> (a test does): first the re-ranking weights by coordinate ascent on MRR@10 over
/// the candidates BM25 gathers (as RankLib's CoordinateAscent does), then the confidence's alternative-question scale and
/// the decline threshold by a grid search for the best balanced accuracy (unanswerable declined, answerable answered).
/// Each set is also scored with a fit on the other sets only (leave one set out), so the report shows unseen figures.
/// Run with <c>bench fit</c>; paste the printed values into <see cref="SearchSettings"/>.
/// </summary>
internal static class ScorerFit
{
    /// <summary>Where the ascent starts: the hand-set weights before fitting (bm25 … question), fixed so the fit reproduces.</summary>
    internal static readonly double[] Start = [0.3, 0.3, 0.4, 0.2, 0.1, 0.15, 0.05, 0.4];
    private static readonly double[] Steps = [0, 0.025, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.6, 0.8, 1.0, -0.05, -0.1, -0.2];
    private const int Passes = 6;
    private static readonly double[] QuestionScales = [0.5, 0.6, 0.7, 0.8, 0.9, 1.0];
    private const double MinThreshold = 0.10, MaxThreshold = 0.60, ThresholdStep = 0.01;

    internal sealed record Result(double[] Weights, double QuestionConfidence, double Threshold, IReadOnlyList<string> Report);

    private sealed record Candidate(double[] Features, bool Holds);

    private sealed record Outcome(bool Answerable, double Text, double Question, double Factor);

    internal static Result Fit(KnowledgeBase kb, IReadOnlyList<(string Name, List<EvalQuestion> Questions)> sets)
    {
        var gen = kb.Current ?? throw new InvalidOperationException("Build the index first.");
        var s0 = SearchSettings.Default.WithWeights(Start);
        var inv = CultureInfo.InvariantCulture;
        var report = new List<string>();
        var candidates = sets.Select(set => Collect(gen, s0, set.Questions)).ToList();

        var weights = Ascend(candidates.SelectMany(c => c).ToList());
        report.Add("ranking weights: " + string.Join(" ", weights.Select((w, i) => string.Create(inv, $"{RankingFeatures.Names[i]}={w:0.###}"))));
        for (var k = 0; k < sets.Count; k++)
        {
            var others = Ascend(candidates.Where((_, j) => j != k).SelectMany(c => c).ToList());
            report.Add(string.Create(inv, $"  {sets[k].Name,-24} MRR@10 start {Mrr(candidates[k], Start):0.000}  fitted on the others {Mrr(candidates[k], others):0.000}  on all {Mrr(candidates[k], weights):0.000}"));
        }

        var s1 = s0.WithWeights(weights);
        var outcomes = sets.Select(set => Outcomes(gen, s1, set.Questions)).ToList();
        var (scale, threshold) = Decide(outcomes.SelectMany(o => o).ToList());
        report.Add(string.Create(inv, $"confidence: alternative-question scale {scale:0.0}, threshold {threshold:0.00}"));
        for (var k = 0; k < sets.Count; k++)
        {
            var (sk, tk) = Decide(outcomes.Where((_, j) => j != k).SelectMany(o => o).ToList());
            var (u, a) = Declined(outcomes[k], sk, tk);
            report.Add(string.Create(inv, $"  {sets[k].Name,-24} fitted on the others (scale {sk:0.0}, threshold {tk:0.00}): unanswerable declined {u:0.00}, answerable declined {a:0.00}"));
        }
        return new Result(weights, scale, threshold, report);
    }

    /// <summary>The seen sets committed with the tests: every <c>questions-*.jsonl</c> in the folder, in name order.</summary>
    internal static List<(string Name, List<EvalQuestion> Questions)> ReadSets(string folder) =>
        Directory.EnumerateFiles(folder, "questions-*.jsonl").Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileNameWithoutExtension(f), EvalQuestion.ReadFile(f))).ToList();

    private static List<List<Candidate>> Collect(IndexGeneration gen, SearchSettings s, List<EvalQuestion> questions)
    {
        var result = new List<List<Candidate>>();
        foreach (var q in questions)
        {
            if (q.Expect is not { Length: > 0 } || q.Previous is not null) continue;
            var (type, groups) = QueryEngine.Understand(gen, QueryEngine.Prepare(gen, q.Question));
            var wanted = q.Expect.Select(Evaluator.Normalise).ToList();
            result.Add(QueryEngine.Rank(gen, groups, type, s.RerankDepth, s)
                .OrderByDescending(r => r.Bm25).ThenBy(r => r.Doc)
                .Select(r => new Candidate(r.Features.ToArray(), wanted.Any(e => Evaluator.Normalise(gen.Passages[r.Doc].Text).Contains(e, StringComparison.Ordinal))))
                .ToList());
        }
        return result;
    }

    private static List<Outcome> Outcomes(IndexGeneration gen, SearchSettings s, List<EvalQuestion> questions)
    {
        var result = new List<Outcome>();
        foreach (var q in questions)
        {
            var (_, signals) = QueryEngine.Search(gen, q.Question, 10, q.Previous, s);
            result.Add(new Outcome(!q.IsUnanswerable, signals?.TextMatch ?? 0, signals?.QuestionMatch ?? 0, signals?.Factor ?? 0));
        }
        return result;
    }

    private static double Mrr(List<List<Candidate>> questions, double[] w)
    {
        double sum = 0;
        foreach (var cands in questions)
        {
            if (cands.Count == 0) continue;
            var best = -1;
            var bestScore = double.NegativeInfinity;
            var scores = new double[cands.Count];
            for (var i = 0; i < cands.Count; i++)
            {
                for (var f = 0; f < w.Length; f++) scores[i] += cands[i].Features[f] * w[f];
                if (cands[i].Holds && scores[i] > bestScore) (best, bestScore) = (i, scores[i]);
            }
            if (best < 0) continue;
            // Rank of the best holding candidate: how many score above it (ties count against it, so no fit gains by ties).
            var rank = 1 + scores.Count(x => x > bestScore) + scores.Where((x, i) => i != best && x == bestScore).Count();
            if (rank <= 10) sum += 1.0 / rank;
        }
        return sum / Math.Max(1, questions.Count);
    }

    private static double[] Ascend(List<List<Candidate>> questions)
    {
        var w = (double[])Start.Clone();
        var best = Mrr(questions, w);
        for (var pass = 0; pass < Passes; pass++)
        {
            var improved = false;
            for (var j = 0; j < w.Length; j++)
                foreach (var v in Steps)
                {
                    var old = w[j];
                    w[j] = v;
                    var m = Mrr(questions, w);
                    if (m > best + 1e-9) { best = m; improved = true; }
                    else w[j] = old;
                }
            if (!improved) break;
        }
        return w;
    }

    private static (double Scale, double Threshold) Decide(List<Outcome> outcomes)
    {
        var best = (Scale: QuestionScales[0], Threshold: MinThreshold, Value: double.NegativeInfinity);
        foreach (var scale in QuestionScales)
            for (var t = MinThreshold; t <= MaxThreshold + 1e-9; t += ThresholdStep)
            {
                var threshold = Math.Round(t, 2);
                var (u, a) = Declined(outcomes, scale, threshold);
                var value = 0.5 * u + 0.5 * (1 - a);
                if (value > best.Value + 1e-9) best = (scale, threshold, value);
            }
        return (best.Scale, best.Threshold);
    }

    private static (double Unanswerable, double Answerable) Declined(List<Outcome> outcomes, double scale, double threshold)
    {
        int u = 0, un = 0, a = 0, an = 0;
        foreach (var o in outcomes)
        {
            var declined = QueryEngine.Combine(o.Text, o.Question, o.Factor, scale) < threshold;
            if (o.Answerable) { an++; if (declined) a++; }
            else { un++; if (declined) u++; }
        }
        return (un == 0 ? 0 : u / (double)un, an == 0 ? 0 : a / (double)an);
    }
}
