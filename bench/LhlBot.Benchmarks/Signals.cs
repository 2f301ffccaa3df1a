using System.Globalization;
using LhlBot.Knowledge.Evaluation;
using LhlBot.Knowledge.Search;

namespace LhlBot.Benchmarks;

/// <summary>
/// One tab-separated line per question of what the confidence is made of, for studying what tells an answerable question
/// from an unanswerable one and where the threshold belongs (it chose 0.31 over 0.35 in v48, pooled over all sets).
/// Columns: set, id, A/U, the rank of the first passage holding an expected text (0: none in the top ten), the confidence
/// and its signals, the answer type and whether the best window holds it, the share of the question the corpus does not
/// know, and the heaviest question word the best window lacks.
/// </summary>
internal static class Signals
{
    internal static int Run(string root, string[] files)
    {
        using var kb = SearchBenchmark.Rebuilt(root);
        var gen = kb.Current!;
        var s = kb.Settings;
        string F(double x) => x.ToString("0.###", CultureInfo.InvariantCulture);
        Console.WriteLine("set\tid\tlabel\trank\tconf\tcov\twin\tgap\tmissing\ttype\ttypeok\tunknown\tmaxunmatched");
        foreach (var f in files)
            foreach (var q in EvalQuestion.ReadFile(f))
            {
                var (result, sig) = kb.SearchWithSignals(q.Question, 10);
                var (type, groups) = QueryEngine.Understand(gen, QueryEngine.Prepare(gen, q.Question));
                var ranked = QueryEngine.Rank(gen, groups, type, s.RerankDepth, s);
                var rank = q.IsUnanswerable ? 0 : 1 + result.Hits.ToList().FindIndex(h =>
                    q.Expect!.Any(e => Evaluator.Normalise(h.Text).Contains(Evaluator.Normalise(e), StringComparison.OrdinalIgnoreCase)));
                var head = $"{Path.GetFileNameWithoutExtension(f)}\t{q.Id}\t{(q.IsUnanswerable ? "U" : "A")}\t{rank}";
                if (ranked.Count == 0 || sig is null) { Console.WriteLine($"{head}\t0\t0\t0\t0\t0\t{type}\t0\t1\t1"); continue; }
                var best = ranked[0];
                var p = gen.Terms[best.Doc];
                var raw = groups.Select(g => gen.Idf(g.DocFreq) * g.Weight).ToArray();
                var total = Math.Max(1e-9, raw.Sum());
                var unknown = groups.Select((g, i) => g.DocFreq == 0 && !g.IsName && !g.Fuzzy ? raw[i] : 0).Sum() / total;
                var window = best.WindowUnit < 0 || p.Units.Length == 0 ? [p.All] : p.Units.Skip(best.WindowUnit).Take(s.WindowUnits).Append(p.Head).ToArray();
                var unmatched = groups.Select((g, i) => g.Terms.Any(t => window.Any(u => u.Contains(t.Term))) ? 0 : raw[i] / total).DefaultIfEmpty(0).Max();
                var typeOk = AnswerTypes.Answers(type, groups, p, best.WindowUnit, s.WindowUnits) ? 1 : 0;
                Console.WriteLine(string.Join("\t", head, F(sig.Confidence), F(best.Coverage), F(best.Window), F(sig.Gap), sig.MissingNames, type, typeOk, F(unknown), F(unmatched)));
            }
        return 0;
    }
}
