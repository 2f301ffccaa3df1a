using System.Diagnostics;
using System.Globalization;
using LhlBot.Knowledge;
using LhlBot.Knowledge.Evaluation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LhlBot.Benchmarks;

/// <summary>
/// Measuring commands, one per subcommand so bot benchmarks can be added beside the search ones:
///   search [--iterations N]   query latency p50/p99 over the dev questions, and index build time for knowledge/
///   bot [--turns N]            start-up (cold, warm), turn latency over HTTP and memory of the built bot process
///   load [--seconds N] [--concurrency 1,8] [--no-js]   req/s and p99 under load beside botbuilder-JS echo and lunr peers
///   reliability [fuzz|crash|race|flood|all] [--activities N]   fuzzed activities, kill -9 with re-delivery, a 100-way booking race over two processes, an oversized-body flood
///   ask … | eval FILE          the knowledge CLI against the repository's knowledge/ folder (handy while tuning)
///   explain Q | diagnose FILE… | grid FILE…   why a question ranks as it does; every rank-1 miss; ranking variants side by side
///   learn FILE…                                 fits the re-ranking weights, each file measured with weights fitted on the others
///   signals FILE…                               the confidence's signals per question, tab-separated, for placing the threshold
///   variants FILE…                              each question typed without æøå, with random typos, greeted and signed, and (with Apertium) in nynorsk, compared with its original
/// </summary>
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var root = RepoRoot();
        return args.FirstOrDefault() switch
        {
            "search" => SearchBenchmark.Run(root, args.Skip(1).ToArray()),
            "bot" => await BotBenchmark.RunAsync(root, args.Skip(1).ToArray()),
            "load" => await LoadBenchmark.RunAsync(root, args.Skip(1).ToArray()),
            "reliability" => await Reliability.ReliabilityBenchmark.RunAsync(root, args.Skip(1).ToArray()),
            "ask" or "eval" => await RunKnowledgeCli(root, args),
            "passages" => DumpPassages(root, args.Skip(1).ToArray()),
            "analyze" => Analyze(root, string.Join(" ", args.Skip(1))),
            "explain" => Explain(root, string.Join(" ", args.Skip(1))),
            "diagnose" => Diagnose(root, args.Skip(1).ToArray()),
            "grid" => Grid(root, args.Skip(1).ToArray()),
            "learn" => RankerFit.Run(root, args.Skip(1).ToArray()),
            "fit" => FitScorer(root),
            "signals" => Signals.Run(root, args.Skip(1).ToArray()),
            "variants" => Variants.Run(root, args.Skip(1).ToArray()),
            _ => Usage(),
        };
    }

    /// <summary>Prints every passage (section and text), then for each given question file the expect strings no single passage contains.</summary>
    private static int DumpPassages(string root, string[] files)
    {
        var source = LhlBot.Knowledge.Search.IndexBuilder.ReadSource(Path.Combine(root, "knowledge"));
        var passages = source.Documents.SelectMany(LhlBot.Knowledge.Documents.PassageSplitter.Split).ToList();
        if (files.Length == 0)
            foreach (var p in passages)
                Console.WriteLine($"### {p.Id} | {p.Section} ({p.Text.Length})\n{p.Text}\n");
        var texts = passages.Select(p => Evaluator.Normalise(p.Text)).ToList();
        foreach (var file in files)
            foreach (var q in EvalQuestion.ReadFile(file))
                foreach (var e in q.Expect ?? [])
                    if (!texts.Any(t => t.Contains(Evaluator.Normalise(e), StringComparison.Ordinal)))
                        Console.WriteLine($"{q.Id}: no passage contains «{e}»");
        Console.WriteLine($"{passages.Count} passages, longest {passages.Max(p => p.Text.Length)} chars");
        return 0;
    }

    /// <summary>Shows the analysed terms of a text with the corpus' synonyms and vocabulary, to see why a word does or does not meet.</summary>
    private static int Analyze(string root, string text)
    {
        var source = LhlBot.Knowledge.Search.IndexBuilder.ReadSource(Path.Combine(root, "knowledge"));
        var passages = source.Documents.SelectMany(LhlBot.Knowledge.Documents.PassageSplitter.Split).ToList();
        var corpus = LhlBot.Knowledge.Search.CorpusModel.Create(passages, source.Synonyms, source.Thesaurus);
        foreach (var t in corpus.Analyzer.Tokens(text))
            Console.WriteLine($"{t.Position,3} {t.Term,-30} {t.Role} {(corpus.Names.Contains(t.Term) ? "NAME" : "")}");
        return 0;
    }

    /// <summary>Shows a question's groups with their weights and the re-ranked candidates with their signals.</summary>
    private static int Explain(string root, string question)
    {
        using var kb = SearchBenchmark.Rebuilt(root);
        var gen = kb.Current!;
        var (result, signals) = kb.SearchWithSignals(question, 8);
        var (type, groups) = LhlBot.Knowledge.Search.QueryEngine.Understand(gen, LhlBot.Knowledge.Search.QueryEngine.Prepare(gen, question));
        // Ranking marks the misspelt words and finds their near spellings; run it so that the groups show them.
        LhlBot.Knowledge.Search.QueryEngine.Rank(gen, groups, type, kb.Settings.RerankDepth, kb.Settings);
        Console.WriteLine($"  document names: {string.Join(", ", gen.DocumentNames.Order())}");
        foreach (var g in groups)
            Console.WriteLine($"  group {g.Surface}: {string.Join(",", g.Terms.Select(t => t.Term + ":" + t.Role.ToString()[0]))} df={g.DocFreq} idf={gen.Idf(g.DocFreq):0.00} name={g.IsName}"
                + (g.Fuzzy ? $" typo~{string.Join(",", g.TypoMatches ?? [])}" : ""));
        Console.WriteLine($"  answered={result.Answered} conf={result.Confidence} type={type} {signals}");
        foreach (var h in result.Hits)
            Console.WriteLine($"  {h.Score:0.000} {h.Document} › {h.Section}\n      {h.HighlightedText.Replace("\n", " ")[..Math.Min(260, h.HighlightedText.Length)]}"
                + (h.Excerpt.Length > 0 ? $"\n      window: «{h.Excerpt.Replace("\n", " ⏎ ")}»" : ""));
        return 0;
    }

    /// <summary>For each answerable question missed at rank 1: the signals of the top passage against the best passage holding an expected text.</summary>
    private static int Diagnose(string root, string[] files)
    {
        using var kb = SearchBenchmark.Rebuilt(root);
        var gen = kb.Current!;
        var s = kb.Settings;
        foreach (var f in files)
            foreach (var q in EvalQuestion.ReadFile(f))
            {
                if (q.Expect is not { Length: > 0 }) continue;
                var (type, groups) = LhlBot.Knowledge.Search.QueryEngine.Understand(gen, LhlBot.Knowledge.Search.QueryEngine.Prepare(gen, q.Question));
                var ranked = LhlBot.Knowledge.Search.QueryEngine.Rank(gen, groups, type, s.RerankDepth, s);
                if (ranked.Count == 0) { Console.WriteLine($"{q.Id} no candidates"); continue; }
                bool Holds(int doc) => q.Expect.Any(e => Evaluator.Normalise(gen.Passages[doc].Text).Contains(Evaluator.Normalise(e), StringComparison.OrdinalIgnoreCase));
                var rank = ranked.FindIndex(r => Holds(r.Doc));
                if (rank == 0) continue;
                string Line(LhlBot.Knowledge.Search.QueryEngine.Ranked r) =>
                    string.Create(CultureInfo.InvariantCulture, $"{r.Score:0.000} bm25 {r.Bm25:0.00} cov {r.Coverage:0.00} win {r.Window:0.00} pairs {r.Features.Pairs:0.00} prox {r.Features.Proximity:0.00} type {r.Features.AnswerType:0} q {r.Features.Question:0.00} | {gen.Passages[r.Doc].Section}");
                Console.WriteLine($"{q.Id} rank {rank + 1} ({q.Kind}) {q.Question}");
                string Window(LhlBot.Knowledge.Search.QueryEngine.Ranked r) =>
                    gen.Terms[r.Doc].WindowSpan(r.WindowUnit, s.WindowUnits) is { } w
                        ? gen.Passages[r.Doc].Text[w.Start..w.End].Replace("\n", " ⏎ ") : "(heading)";
                Console.WriteLine($"   top  {Line(ranked[0])}");
                Console.WriteLine($"        «{Window(ranked[0])}»");
                if (rank > 0) Console.WriteLine($"   want {Line(ranked[rank])}\n        «{Window(ranked[rank])}»");
                else
                {
                    var any = Enumerable.Range(0, gen.Passages.Length).FirstOrDefault(Holds, -1);
                    Console.WriteLine(any < 0 ? "   want: no passage holds it" : $"   want not retrieved: {gen.Passages[any].Section}");
                }
            }
        return 0;
    }

    /// <summary>Ranking variants side by side on question files: grid FILE… ; each variant is a named settings change.</summary>
    private static int Grid(string root, string[] files)
    {
        var folder = Path.Combine(Path.GetTempPath(), "lhlbot-bench-grid");
        using (var first = SearchBenchmark.Open(root, folder)) first.Build(force: true);
        var baseline = LhlBot.Knowledge.Search.SearchSettings.Default;
        var variants = new List<(string Name, LhlBot.Knowledge.Search.SearchSettings Settings)> { ("default", baseline) };
        foreach (var w in new[] { 0.1, 0.2, 0.4, 0.8 }) variants.Add(($"proximity {w}", baseline with { ProximityWeight = w }));
        foreach (var t in new[] { 0.30, 0.40, 0.42, 0.45, 0.50 }) variants.Add(($"threshold {t}", baseline with { Threshold = t }));
        variants.Add(("bm25 0.15", baseline with { Bm25Weight = 0.15 }));
        variants.Add(("window 1", baseline with { WindowUnits = 1 }));
        foreach (var a in new[] { 0.1, 0.2, 0.25 }) variants.Add(($"answer type {a}", baseline with { AnswerTypeBonus = a }));
        variants.Add(("window by coverage alone", baseline with { WindowPrefersAnswerType = false }));
        foreach (var pw in new[] { 0.1, 0.15 }) variants.Add(($"pairs {pw}", baseline with { PairWeight = pw }));
        variants.Add(("no answer-type check", baseline with { UseAnswerTypeCheck = false }));
        foreach (var c in new[] { 0.3f, 0.7f }) variants.Add(($"compound part {c}", baseline with { CompoundPartWeight = c }));
        foreach (var h in new[] { 1.0f, 2.0f }) variants.Add(($"heading boost {h}", baseline with { HeadBoost = h }));
        foreach (var d in new[] { 30, 100 }) variants.Add(($"re-rank depth {d}", baseline with { RerankDepth = d }));
        foreach (var f in new[] { 0.2, 0.35, 0.4, 0.5 }) variants.Add(($"answer-type factor {f}", baseline with { AnswerTypeFactor = f }));
        var inv = CultureInfo.InvariantCulture;
        foreach (var (name, settings) in variants)
        {
            using var kb = new KnowledgeBase(Options.Create(new KnowledgeOptions { SourceFolder = Path.Combine(root, "knowledge"), IndexFolder = folder }),
                NullLogger<KnowledgeBase>.Instance) { Settings = settings };
            var line = $"{name,-28}";
            foreach (var f in files)
            {
                var m = Evaluator.Run(kb, EvalQuestion.ReadFile(f));
                line += string.Create(inv, $" | {m.HitAt1:0.00} {m.HitAt3:0.00} {m.MrrAt10:0.00} U{m.UnanswerableDeclined:0.00} A{m.AnswerableDeclined:0.00}");
            }
            Console.WriteLine(line);
        }
        return 0;
    }

    /// <summary>Fits the scorer (ranking weights, alternative-question scale, threshold) on the committed seen sets and prints it.</summary>
    private static int FitScorer(string root)
    {
        using var kb = SearchBenchmark.Rebuilt(root, "lhlbot-bench-fit");
        var result = LhlBot.Knowledge.Evaluation.ScorerFit.Fit(kb,
            LhlBot.Knowledge.Evaluation.ScorerFit.ReadSets(Path.Combine(root, "tests", "LhlBot.Knowledge.Tests")));
        foreach (var line in result.Report) Console.WriteLine(line);
        return 0;
    }

    private static int Usage()
    {
        Console.WriteLine("Bruk: dotnet run -c Release --project bench/LhlBot.Benchmarks -- search [--iterations N] | bot [--turns N] | ask … | eval FIL.jsonl");
        return 2;
    }

    private static async Task<int> RunKnowledgeCli(string root, string[] args)
    {
        using var kb = SearchBenchmark.Rebuilt(root);
        return await KnowledgeCommands.RunAsync(kb, args, Console.In, Console.Out);
    }

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LhlBot.sln")) || File.Exists(Path.Combine(dir.FullName, "LhlBot.slnx"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}

internal static class SearchBenchmark
{
    internal static KnowledgeBase Open(string root, string indexFolder) =>
        new(Options.Create(new KnowledgeOptions { SourceFolder = Path.Combine(root, "knowledge"), IndexFolder = indexFolder }),
            NullLogger<KnowledgeBase>.Instance);

    /// <summary>The knowledge base with its index built anew in a temporary folder: tuning runs must see code changes, not a stored index.</summary>
    internal static KnowledgeBase Rebuilt(string root, string folderName = "lhlbot-bench-index")
    {
        var kb = Open(root, Path.Combine(Path.GetTempPath(), folderName));
        kb.Build(force: true);
        return kb;
    }

    internal static int Run(string root, string[] args)
    {
        var iterations = args.Length >= 2 && args[0] == "--iterations" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        var questionsFile = Path.Combine(root, "tests", "LhlBot.Knowledge.Tests", "questions-dev.jsonl");
        if (!File.Exists(questionsFile)) questionsFile = "/work/shared/eval/questions-dev.jsonl";
        var questions = EvalQuestion.ReadFile(questionsFile).Select(q => q.Question).ToList();

        // Index build: fresh folders each time, forced, so nothing is reused.
        var builds = new List<double>();
        for (var i = 0; i < 6; i++)
        {
            var folder = Path.Combine(Path.GetTempPath(), $"lhlbot-bench-{Guid.NewGuid():N}");
            using (var kb = Open(root, folder))
            {
                var sw = Stopwatch.StartNew();
                kb.Build(force: true);
                builds.Add(sw.Elapsed.TotalMilliseconds);
            }
            Directory.Delete(folder, true);
        }

        var index = Path.Combine(Path.GetTempPath(), $"lhlbot-bench-{Guid.NewGuid():N}");
        using var knowledge = Open(root, index);
        var report = knowledge.Build(force: true);
        foreach (var q in questions) knowledge.Search(q); // warm-up (JIT)
        var latencies = new List<double>(iterations * questions.Count);
        for (var i = 0; i < iterations; i++)
            foreach (var q in questions)
            {
                var start = Stopwatch.GetTimestamp();
                knowledge.Search(q);
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        latencies.Sort();
        double P(double p) => latencies[(int)Math.Min(latencies.Count - 1, Math.Ceiling(p * latencies.Count) - 1)];
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"Korpus: {report.Documents} dokumenter, {report.Passages} passasjer");
        Console.WriteLine(string.Create(inv, $"Indeksbygging (tvunget, {builds.Count} ganger): første {builds[0]:0} ms (kald), median etter oppvarming {builds.Skip(1).Order().ElementAt(builds.Count / 2 - 1):0} ms, maks {builds.Max():0} ms"));
        Console.WriteLine(string.Create(inv, $"Søk ({latencies.Count} spørringer, {questions.Count} spørsmål × {iterations}): p50 {P(0.50):0.000} ms, p99 {P(0.99):0.000} ms, maks {latencies[^1]:0.000} ms"));
        Directory.Delete(index, true);
        return 0;
    }
}
