using System.Globalization;
using LhlBot.Knowledge.Evaluation;
using LhlBot.Knowledge.Search;

namespace LhlBot.Benchmarks;

/// <summary>Prototype: one line of confidence features per question, for studying what tells answerable from unanswerable.</summary>
internal static class Signals
{
    internal static int Run(string root, string[] files)
    {
        using var kb = SearchBenchmark.Open(root, Path.Combine(Path.GetTempPath(), "lhlbot-bench-index"));
        kb.Build(force: true);
        var gen = kb.Current!;
        var s = kb.Settings;
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine("set\tid\tlabel\trank\tconf\tcov\twin\tgap\tmissing\ttype\ttypeok\tunknown\tmaxunmatched\tnunmatched\tngroups\tscore\tscore2\tnames\tfuzzy\tmaxidfshare\tbestidfmatched");
        foreach (var f in files)
            foreach (var q in EvalQuestion.ReadFile(f))
            {
                var (result, sig) = kb.SearchWithSignals(q.Question, 10);
                var type = AnswerTypes.Of(q.Question);
                var groups = QueryEngine.QuestionGroups(gen, q.Question, type);
                AnswerTypes.MarkCounted(type, q.Question, groups, gen.CountedTerms);
                var ranked = QueryEngine.Rank(gen, groups, type, s.RerankDepth, s);
                var label = q.Expect is { Length: > 0 } ? "A" : "U";
                var rank = 0;
                if (label == "A")
                    for (var i = 0; i < Math.Min(10, result.Hits.Count); i++)
                        if (q.Expect!.Any(e => Evaluator.Normalise(result.Hits[i].Text).Contains(Evaluator.Normalise(e), StringComparison.OrdinalIgnoreCase))) { rank = i + 1; break; }
                if (ranked.Count == 0 || sig is null) { Console.WriteLine($"{Path.GetFileNameWithoutExtension(f)}\t{q.Id}\t{label}\t{rank}\t0\t0\t0\t0\t0\t{type}\t0\t1\t1\t{groups.Count}\t{groups.Count}\t0\t0\t0\t0\t1\t0"); continue; }
                var best = ranked[0];
                var p = gen.Terms[best.Doc];
                var raw = groups.Select(g => gen.Idf(g.DocFreq) * g.Weight).ToArray();
                var total = raw.Sum();
                var unknown = groups.Select((g, i) => g.DocFreq == 0 && !g.IsName && !g.Fuzzy ? raw[i] : 0).Sum() / Math.Max(1e-9, total);
                var units = best.WindowUnit < 0 || p.Units.Length == 0 ? new[] { p.All } : p.Units.Skip(best.WindowUnit).Take(s.WindowUnits).Append(p.Head).ToArray();
                bool InWindow(QueryGroup g) => g.WholeForms.Any(t => units.Any(u => u.Contains(t))) || g.Terms.Any(t => units.Any(u => u.Contains(t.Term)));
                var unmatched = groups.Select((g, i) => InWindow(g) ? 0 : raw[i] / total).ToArray();
                var maxIdx = Array.IndexOf(raw, raw.Max());
                var typeOk = AnswerTypes.Answers(type, groups, p, best.WindowUnit, s.WindowUnits) ? 1 : 0;
                string F(double x) => x.ToString("0.###", inv);
                Console.WriteLine(string.Join("\t", Path.GetFileNameWithoutExtension(f), q.Id, label, rank, F(sig.Confidence), F(best.Coverage), F(best.Window), F(sig.Gap), sig.MissingNames, type, typeOk,
                    F(unknown), F(unmatched.Max()), unmatched.Count(x => x > 0.1), groups.Count, F(best.Score), F(ranked.Count > 1 ? ranked[1].Score : 0),
                    groups.Count(g => g.IsName), groups.Count(g => g.Fuzzy), F(raw.Max() / total), InWindow(groups[maxIdx]) ? 1 : 0));
            }
        return 0;
    }
}
