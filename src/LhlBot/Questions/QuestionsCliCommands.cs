using LhlBot.Hosting;
using LhlBot.Knowledge;

namespace LhlBot.Questions;

/// <summary>`ask "spørsmål"`, `ask --json "…"`, `ask --jsonl` (questions on standard input).</summary>
internal sealed class KnowledgeCliCommand(KnowledgeBase knowledge) : ICliCommand
{
    public string Name => "ask";
    public string Usage => "ask [--json] \"spørsmål\" | ask --jsonl < spørsmål.txt   – svar fra kunnskapsbasen";

    public Task<int> RunAsync(string[] args, TextReader input, TextWriter output, CancellationToken cancellationToken) =>
        KnowledgeCommands.RunAsync(knowledge, ["ask", .. args], input, output);
}

/// <summary>`eval FILE.jsonl`: hit@1, hit@3, MRR@10 and the handling of unanswerable questions.</summary>
internal sealed class KnowledgeEvalCliCommand(KnowledgeBase knowledge) : ICliCommand
{
    public string Name => "eval";
    public string Usage => "eval FIL.jsonl   – måler søket på et spørsmålssett (hit@1, hit@3, MRR@10, ubesvarbare)";

    public Task<int> RunAsync(string[] args, TextReader input, TextWriter output, CancellationToken cancellationToken) =>
        KnowledgeCommands.RunAsync(knowledge, ["eval", .. args], input, output);
}

/// <summary>`reindex`: rebuilds the knowledge index from the documents now, whatever the content hash says.
/// Running bot instances on the same database rebuild theirs too (<see cref="KnowledgeSync"/>).</summary>
internal sealed class ReindexCliCommand(KnowledgeBase knowledge, KnowledgeSync sync) : ICliCommand
{
    public string Name => "reindex";
    public string Usage => "reindex   – bygger kunnskapsindeksen på nytt fra knowledge/";

    public async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        var report = knowledge.Build(force: true);
        await sync.PublishAsync(cancellationToken);
        output.WriteLine($"Indeksert {report.Documents} dokumenter, {report.Passages} avsnitt og {report.AlternativeQuestions} alternative spørsmål på {report.Elapsed.TotalMilliseconds:0} ms.");
        foreach (var problem in report.Problems) output.WriteLine($"Hoppet over {problem.File}: {problem.Reason}");
        // A broken anchor is reported, not fatal: the rest of the index is built and in use.
        foreach (var problem in report.AnchorProblems) output.WriteLine($"Alternative spørsmål hoppet over i {problem.File}: {problem.Reason}");
        return report.Problems.Count == 0 ? 0 : 1;
    }
}
