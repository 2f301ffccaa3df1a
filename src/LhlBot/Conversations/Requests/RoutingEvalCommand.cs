using System.Text.Json;
using System.Text.Json.Nodes;
using LhlBot.Hosting;

namespace LhlBot.Conversations.Requests;

/// <summary>
/// `routing eval FILE.jsonl`: how free text is routed. Each line is
/// {"id","text","expect":"book|my-bookings|report|summary|claim|help|question","entities":{...},"kind":"request|lookalike"}.
/// Prints accuracy overall, per kind and per expected intent, how many requests for a job would be answered as a
/// reform question, how many got «Mente du …?», and (with --verbose) every miss. Only aggregates without --verbose,
/// so a held-back set can be measured without being read.
/// </summary>
internal sealed class RoutingEvalCommand(RequestRecognizer recognizer) : ICliCommand
{
    public string Name => "routing eval";
    public string Usage => "routing eval FIL.jsonl [--verbose]   – måler gjenkjenningen av forespørsler (treffsikkerhet per type og jobb)";

    public async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        var file = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        var verbose = args.Contains("--verbose");
        if (file is null || !File.Exists(file))
        {
            await output.WriteLineAsync(file is null ? "Bruk: " + Usage : $"Finner ikke {file}.");
            return 2;
        }
        var rows = new List<(string Id, string Kind, string Expect, string Got, bool Asked, bool EntitiesOk, bool HasEntities, double Score, string Text)>();
        var entityKinds = new Dictionary<string, (int Right, int Of)>();
        var line = 0;
        foreach (var raw in await File.ReadAllLinesAsync(file, cancellationToken))
        {
            line++;
            if (string.IsNullOrWhiteSpace(raw)) continue;
            JsonObject? item;
            try { item = JsonNode.Parse(raw) as JsonObject; }
            catch (JsonException) { item = null; }
            if (item?["text"] is not JsonValue textNode || item["expect"] is not JsonValue expectNode)
            {
                await output.WriteLineAsync($"Linje {line}: mangler «text» eller «expect»; hoppet over.");
                continue;
            }
            var text = (string)textNode!;
            var expect = (string)expectNode!;
            var result = recognizer.Recognize(text);
            // «Mente du …?» is neither right nor a question answered: it is counted as its own outcome.
            var got = result.Verdict switch { RequestVerdict.Start => result.Intent, RequestVerdict.Ask => "ask:" + result.Declaration!.Intent, _ => "question" };
            var (entitiesOk, hasEntities) = CheckEntities(item["entities"] as JsonObject, result);
            if (got == expect && item["entities"] is JsonObject wanted)
            {
                foreach (var (kind, value) in wanted)
                {
                    var ok = CheckEntities(new JsonObject { [kind] = value?.DeepClone() }, result).Ok;
                    var (r, of) = entityKinds.GetValueOrDefault(kind);
                    entityKinds[kind] = (r + (ok ? 1 : 0), of + 1);
                }
            }
            rows.Add(((string?)item["id"] ?? line.ToString(), (string?)item["kind"] ?? "?", expect, got, result.Verdict == RequestVerdict.Ask, entitiesOk, hasEntities, result.Score, text));
        }
        if (rows.Count == 0)
        {
            await output.WriteLineAsync("Ingen linjer å måle.");
            return 1;
        }

        string Pct(int n, int of) => of == 0 ? "–" : $"{100.0 * n / of:0.0} % ({n}/{of})";
        var right = rows.Count(r => r.Got == r.Expect);
        await output.WriteLineAsync($"Rutet riktig: {Pct(right, rows.Count)}");
        foreach (var kind in rows.GroupBy(r => r.Kind).OrderBy(g => g.Key))
            await output.WriteLineAsync($"  {kind.Key}: {Pct(kind.Count(r => r.Got == r.Expect), kind.Count())}");
        await output.WriteLineAsync("Per forventet jobb:");
        foreach (var intent in rows.GroupBy(r => r.Expect).OrderBy(g => g.Key))
            await output.WriteLineAsync($"  {intent.Key}: {Pct(intent.Count(r => r.Got == r.Expect), intent.Count())}");
        var requests = rows.Where(r => r.Expect != "question").ToList();
        var asQuestions = requests.Where(r => r.Got == "question").ToList();
        await output.WriteLineAsync($"Forespørsler besvart som reformspørsmål: {asQuestions.Count} av {requests.Count}");
        await output.WriteLineAsync($"«Mente du …?» spurt: {rows.Count(r => r.Asked)} (av dem forespørsler: {requests.Count(r => r.Asked)}, spørsmål: {rows.Count(r => r.Asked && r.Expect == "question")})");
        var withEntities = rows.Where(r => r.HasEntities && r.Got == r.Expect).ToList();
        await output.WriteLineAsync($"Entiteter riktig der jobben var riktig: {Pct(withEntities.Count(r => r.EntitiesOk), withEntities.Count)}");
        foreach (var (kind, (r, of)) in entityKinds.OrderBy(k => k.Key)) await output.WriteLineAsync($"  {kind}: {Pct(r, of)}");
        var wrongJob = rows.Count(r => r.Got != r.Expect && r.Got != "question" && !r.Asked && r.Expect != "question");
        await output.WriteLineAsync($"Feil jobb startet: {wrongJob}; spørsmål tatt som forespørsel: {rows.Count(r => r.Expect == "question" && r.Got != "question" && !r.Asked)}");
        if (verbose)
        {
            foreach (var r in rows.Where(r => r.Got != r.Expect || !r.EntitiesOk || args.Contains("--all")))
                await output.WriteLineAsync($"  ✗ {r.Id} [{r.Kind}] forventet {r.Expect}, fikk {r.Got}{(r.Asked ? " (Mente du?)" : "")} {r.Score:0.00}{(r.EntitiesOk ? "" : " entiteter feil")}: {r.Text}");
        }
        return 0;
    }

    /// <summary>Every expected entity found with the expected value (municipality by number or name, the rest by value).</summary>
    private static (bool Ok, bool Has) CheckEntities(JsonObject? expected, RecognizedRequest result)
    {
        if (expected is null || expected.Count == 0) return (true, false);
        foreach (var (kind, value) in expected)
        {
            var want = TextMatching.Normalize(value?.ToString());
            var found = result.Entities.Where(e => e.Kind == kind || (kind == EntityExtractor.Date && e.Kind == EntityExtractor.Week) || (kind == EntityExtractor.Week && e.Kind == EntityExtractor.Date));
            if (!found.Any(e => TextMatching.Normalize(e.Value) == want || TextMatching.Normalize(e.Display) == want
                || TextMatching.Normalize(e.Display).StartsWith(want, StringComparison.Ordinal) || kind is EntityExtractor.Week or EntityExtractor.Date && want.Length > 0))
                return (false, true);
        }
        return (true, true);
    }
}
