using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using LhlBot.Knowledge.Evaluation;

namespace LhlBot.Knowledge;

/// <summary>
/// Command-line use of the knowledge base, called by the bot's Program for args starting with "ask" or "eval":
/// <c>ask "spørsmål"</c>, <c>ask --json "…"</c>, <c>ask --jsonl</c> (questions on input), <c>eval FILE.jsonl</c>.
/// </summary>
public static class KnowledgeCommands
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");

    /// <summary>True when <paramref name="args"/> is a knowledge command this class handles.</summary>
    public static bool Handles(string[] args) => args.Length > 0 && args[0] is "ask" or "eval";

    /// <returns>0 on success, 2 on a usage error.</returns>
    public static async Task<int> RunAsync(KnowledgeBase kb, string[] args, TextReader input, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(kb);
        if (args.Length == 0) return await Usage(output);
        switch (args[0])
        {
            case "ask":
            {
                var json = args.Contains("--json");
                var jsonl = args.Contains("--jsonl");
                var text = string.Join(" ", args.Skip(1).Where(a => a is not ("--json" or "--jsonl")));
                if (jsonl)
                {
                    while (await input.ReadLineAsync() is { } line)
                    {
                        if (string.IsNullOrWhiteSpace(line)) continue;
                        await output.WriteLineAsync(ToJson(kb.Search(QuestionOf(line))));
                    }
                    return 0;
                }
                if (string.IsNullOrWhiteSpace(text)) return await Usage(output);
                var result = kb.Search(text);
                await output.WriteLineAsync(json ? ToJson(result) : ToReadable(result));
                return 0;
            }
            case "eval" when args.Length >= 2:
            {
                if (!File.Exists(args[1]))
                {
                    await output.WriteLineAsync($"Fant ikke filen {args[1]}.");
                    return 2;
                }
                var metrics = Evaluator.Run(kb, EvalQuestion.ReadFile(args[1]));
                await output.WriteLineAsync(FormatMetrics(metrics, verbose: args.Contains("--verbose")));
                return 0;
            }
            default:
                return await Usage(output);
        }
    }

    private static async Task<int> Usage(TextWriter output)
    {
        await output.WriteLineAsync("""
            Bruk:
              ask "spørsmål"          svar slik en person leser det
              ask --json "spørsmål"   svar som JSON
              ask --jsonl             ett spørsmål per linje på standard inn (tekst eller {"question": …}), ett JSON-svar per linje ut
              eval FIL.jsonl          treff@1, treff@3, MRR@10 og håndtering av ubesvarbare spørsmål [--verbose]
            """);
        return 2;
    }

    /// <summary>A jsonl line is either plain text or an object with a "question" field.</summary>
    internal static string QuestionOf(string line)
    {
        var t = line.Trim();
        if (t.StartsWith('{'))
        {
            try
            {
                if (JsonNode.Parse(t)?["question"]?.GetValue<string>() is { } q) return q;
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException) { }
        }
        return t;
    }

    internal static string ToJson(SearchResult r)
    {
        var o = new JsonObject
        {
            ["answered"] = r.Answered,
            ["confidence"] = r.Confidence,
            ["results"] = new JsonArray(r.Hits.Select(h => (JsonNode)new JsonObject
            {
                ["document"] = h.Document,
                ["title"] = h.Title,
                ["section"] = h.Section,
                ["text"] = h.Text,
                ["score"] = h.Score,
            }).ToArray()),
        };
        return o.ToJsonString(Json);
    }

    internal static string ToReadable(SearchResult r)
    {
        if (r.Answered && r.Hits.Count > 0)
        {
            var h = r.Hits[0];
            var date = h.Date is { } d ? $", {d.ToString("d. MMMM yyyy", Norwegian)}" : "";
            var excerpt = h.Excerpt.Length > 0 ? $"Mest relevant: {h.Excerpt.Replace("**", "")}\n\nHele avsnittet:\n" : "";
            return $"{excerpt}{h.Text}\n\nKilde: {h.Title} – {h.Section}{date}";
        }
        var lines = new List<string> { "Fant ikke noe svar på dette i dokumentene om Leve hele livet." };
        var related = r.Hits.Take(3).ToList();
        if (related.Count > 0)
        {
            lines.Add("Kanskje disse delene er til hjelp:");
            lines.AddRange(related.Select(h => $"  • {h.Title} – {h.Section}"));
        }
        return string.Join("\n", lines);
    }

    internal static string FormatMetrics(EvalMetrics m, bool verbose)
    {
        var inv = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            $"Spørsmål: {m.Answerable} besvarbare, {m.Unanswerable} ubesvarbare",
            string.Create(inv, $"hit@1        {m.HitAt1:0.000}"),
            string.Create(inv, $"hit@3        {m.HitAt3:0.000}"),
            string.Create(inv, $"MRR@10       {m.MrrAt10:0.000}"),
            string.Create(inv, $"Ubesvarbare avvist:  {m.UnanswerableDeclined:P0}"),
            string.Create(inv, $"Besvarbare avvist:   {m.AnswerableDeclined:P0}"),
        };
        foreach (var kind in m.Outcomes.GroupBy(o => o.Question.Kind ?? "?").OrderBy(g => g.Key))
        {
            var ans = kind.Where(o => !o.Question.IsUnanswerable).ToList();
            lines.Add(ans.Count > 0
                ? string.Create(inv, $"  {kind.Key,-13} n={kind.Count(),2}  hit@1 {ans.Count(o => o.Rank == 1) / (double)ans.Count:0.00}  hit@3 {ans.Count(o => o.Rank is >= 1 and <= 3) / (double)ans.Count:0.00}  avvist {ans.Count(o => !o.Answered)}")
                : string.Create(inv, $"  {kind.Key,-13} n={kind.Count(),2}  avvist {kind.Count(o => !o.Answered)}"));
        }
        foreach (var o in m.Outcomes.Where(o => verbose || o.Rank != 1 && !o.Question.IsUnanswerable || o.Answered == o.Question.IsUnanswerable))
        {
            var s = o.Signals;
            lines.Add(string.Create(inv,
                $"  {(o.Question.IsUnanswerable ? "U" : "A")} rank={o.Rank} conf={o.Confidence:0.00} cov={s?.Coverage:0.00} gap={s?.Gap:0.00} names-missing={s?.MissingNames} {(o.Answered ? "svar" : "avvist")} | {o.Question.Id} {o.Question.Question} | {o.TopSection}"));
        }
        return string.Join("\n", lines);
    }
}
