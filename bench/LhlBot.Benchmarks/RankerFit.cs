using System.Globalization;
using LhlBot.Knowledge;
using LhlBot.Knowledge.Evaluation;
using LhlBot.Knowledge.Search;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LhlBot.Benchmarks;

/// <summary>
/// Fits the re-ranking weights by coordinate ascent on MRR@10 (the way RankLib's CoordinateAscent does), over the
/// candidates BM25 finds for each answerable question. Each question file is measured with weights fitted on the other
/// files only, so its figure is one of questions the weights have not seen; then the weights fitted on all files are printed.
/// </summary>
internal static class RankerFit
{
    private sealed record Candidate(double[] Features, bool Holds);

    internal static int Run(string root, string[] files)
    {
        var folder = Path.Combine(Path.GetTempPath(), "lhlbot-bench-learn");
        using var kb = SearchBenchmark.Open(root, folder);
        kb.Build(force: true);
        var gen = kb.Current!;
        var s = kb.Settings;
        var sets = files.Select(f => (File: f, Questions: Collect(gen, s, EvalQuestion.ReadFile(f).ToList()))).ToList();
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"features: {string.Join(" ", RankingFeatures.Names)}");
        Console.WriteLine($"current   {Format(s.Weights())}");
        foreach (var (file, _) in sets)
        {
            var train = sets.Where(x => x.File != file).SelectMany(x => x.Questions).ToList();
            var w = Fit(train, s.Weights());
            Console.WriteLine($"{Path.GetFileNameWithoutExtension(file),-20} fitted on the others: {Format(w)}");
            Console.WriteLine($"    before: {Measure(root, folder, s, file)}");
            Console.WriteLine($"    after:  {Measure(root, folder, s.WithWeights(w), file)}");
        }
        var all = Fit(sets.SelectMany(x => x.Questions).ToList(), s.Weights());
        Console.WriteLine($"all files {Format(all)}");
        foreach (var (file, _) in sets)
            Console.WriteLine($"    {Path.GetFileNameWithoutExtension(file),-20} {Measure(root, folder, s.WithWeights(all), file)}");
        return 0;

        string Format(double[] w) => string.Join(" ", w.Select((x, i) => string.Create(inv, $"{RankingFeatures.Names[i]}={x:0.###}")));
    }

    private static string Measure(string root, string folder, SearchSettings settings, string file)
    {
        using var kb = new KnowledgeBase(Options.Create(new KnowledgeOptions { SourceFolder = Path.Combine(root, "knowledge"), IndexFolder = folder }),
            NullLogger<KnowledgeBase>.Instance) { Settings = settings };
        var m = Evaluator.Run(kb, EvalQuestion.ReadFile(file));
        return string.Create(CultureInfo.InvariantCulture, $"{m.HitAt1:0.00} {m.HitAt3:0.00} {m.MrrAt10:0.00} U{m.UnanswerableDeclined:0.00} A{m.AnswerableDeclined:0.00}");
    }

    private static List<List<Candidate>> Collect(IndexGeneration gen, SearchSettings s, List<EvalQuestion> questions)
    {
        var result = new List<List<Candidate>>();
        foreach (var q in questions)
        {
            if (q.Expect is not { Length: > 0 }) continue;
            var (type, groups) = QueryEngine.Understand(gen, QueryEngine.Prepare(gen, q.Question));
            var wanted = q.Expect.Select(Evaluator.Normalise).ToList();
            result.Add(QueryEngine.Rank(gen, groups, type, s.RerankDepth, s)
                .OrderByDescending(r => r.Bm25) // BM25 order: ties keep it
                .Select(r => new Candidate(r.Features.ToArray(), wanted.Any(e => Evaluator.Normalise(gen.Passages[r.Doc].Text).Contains(e, StringComparison.Ordinal))))
                .ToList());
        }
        return result;
    }

    private static double Mrr(List<List<Candidate>> questions, double[] w)
    {
        double sum = 0;
        foreach (var cands in questions)
        {
            if (cands.Count == 0) continue;
            var scores = cands.Select(c => c.Features.Select((f, i) => f * w[i]).Sum()).ToArray();
            var order = Enumerable.Range(0, cands.Count).OrderByDescending(i => scores[i]).ToList();
            var rank = order.FindIndex(i => cands[i].Holds);
            if (rank is >= 0 and < 10) sum += 1.0 / (rank + 1);
        }
        return sum / Math.Max(1, questions.Count);
    }

    private static double[] Fit(List<List<Candidate>> questions, double[] start)
    {
        var w = (double[])start.Clone();
        var best = Mrr(questions, w);
        double[] steps = [0, 0.025, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.6, 0.8, 1.0, -0.05, -0.1, -0.2];
        for (var pass = 0; pass < 6; pass++)
        {
            var improved = false;
            for (var j = 0; j < w.Length; j++)
                foreach (var v in steps)
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
}
