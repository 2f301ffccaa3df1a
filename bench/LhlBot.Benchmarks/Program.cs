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
///   ask … | eval FILE          the knowledge CLI against the repository's knowledge/ folder (handy while tuning)
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
            "ask" or "eval" => await RunKnowledgeCli(root, args),
            _ => Usage(),
        };
    }

    private static int Usage()
    {
        Console.WriteLine("Bruk: dotnet run -c Release --project bench/LhlBot.Benchmarks -- search [--iterations N] | bot [--turns N] | ask … | eval FIL.jsonl");
        return 2;
    }

    private static async Task<int> RunKnowledgeCli(string root, string[] args)
    {
        using var kb = SearchBenchmark.Open(root, Path.Combine(Path.GetTempPath(), "lhlbot-bench-index"));
        kb.Build(force: true); // tuning runs must see code changes, not a stored index
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
