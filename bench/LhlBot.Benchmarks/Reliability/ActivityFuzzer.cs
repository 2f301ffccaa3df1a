using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LhlBot.Benchmarks.Reliability;

/// <summary>What a fuzz run saw: HTTP 5xx answers and replies that are the bot's apology for an exception.</summary>
public sealed record FuzzResult(int Activities, int ServerErrors, int Apologies, IReadOnlyList<string> Examples);

/// <summary>
/// Posts random activities to /api/messages as the channel would: typed text of every kind, and presses of the
/// buttons the bot actually showed, with their data and inputs mutated to values of the wrong type, shape and size.
/// It walks the bot's own cards, so every job's actions are reached without a list of them. Deterministic per seed.
/// Shared by the reliability bench and a test (linked source).
/// </summary>
public sealed class ActivityFuzzer(HttpClient client, int seed, IReadOnlyList<(string Id, string Name, string AadObjectId)> users)
{
    public const string ApologyMarker = "Beklager, noe gikk galt";

    private static readonly string[] Texts =
    [
        "meny", "hjelp", "avbryt", "start på nytt", "rapporter status", "book møte", "oppsummering", "godkjenn kontaktpersoner",
        "importer", "rollelogg", "mine bookinger", "avbestill", "ja", "nei", "1", "2", "99", "-1", "0", "!1", "godkjenn 1", "avvis 7",
        "15.03.2026", "32.13.2026", "i morgen", "uke 51", "Hva er de fem innsatsområdene?", "Bodø", "1804", "9999", "Herøy",
        "jeg er kontaktperson for Bodø", "", " ", "\u0000", "\n\n\n", "<at>LhlBot</at> meny", "👍", "👎", "?", "'; DROP TABLE Person;--",
        "=HYPERLINK(\"http://x\")", "{\"action\":\"menu\"}", "${root}", new string('æ', 5000), "municipality;name;email;aadObjectId\n1804;X;x@y.no;",
    ];

    private readonly Random random = new(seed);
    private readonly List<JsonObject> seenActions = [];
    private readonly List<(JsonObject Data, List<string> Inputs)> seenForms = [];

    public async Task<FuzzResult> RunAsync(string url, int activities, string? bearer = null, CancellationToken cancellationToken = default)
    {
        int serverErrors = 0, apologies = 0;
        var examples = new List<string>();
        for (var i = 0; i < activities && !cancellationToken.IsCancellationRequested; i++)
        {
            var user = users[random.Next(users.Count)];
            var conversation = $"fuzz-{seed}-{user.Id}-{random.Next(4)}";
            var activity = Next(user, conversation, i);
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json") };
            if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            using var response = await client.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if ((int)response.StatusCode >= 500)
            {
                serverErrors++;
                if (examples.Count < 10) examples.Add($"HTTP {(int)response.StatusCode} for {Shorten(activity.ToJsonString())}");
            }
            if (body.Contains(ApologyMarker, StringComparison.Ordinal))
            {
                apologies++;
                if (examples.Count < 10) examples.Add($"apology for {Shorten(activity.ToJsonString())}");
            }
            Harvest(body);
        }
        return new FuzzResult(activities, serverErrors, apologies, examples);
    }

    private JsonObject Next((string Id, string Name, string AadObjectId) user, string conversation, int index)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = $"fuzz-{seed}-{index}",
            ["channelId"] = random.Next(5) == 0 ? "text" : "emulator",
            ["serviceUrl"] = "http://localhost/fuzz/",
            ["from"] = new JsonObject { ["id"] = user.Id, ["name"] = user.Name, ["aadObjectId"] = user.AadObjectId },
            ["recipient"] = new JsonObject { ["id"] = "lhlbot", ["name"] = "LhlBot" },
            ["conversation"] = new JsonObject { ["id"] = conversation, ["conversationType"] = "personal" },
            ["locale"] = "nb-NO",
            ["deliveryMode"] = "expectReplies",
        };
        var roll = random.Next(10);
        if (roll < 4 || (seenActions.Count == 0 && seenForms.Count == 0))
        {
            activity["text"] = random.Next(8) == 0 ? RandomText() : Texts[random.Next(Texts.Length)];
            return activity;
        }

        JsonObject value;
        if (roll < 7 && seenForms.Count > 0)
        {
            var (data, inputs) = seenForms[random.Next(seenForms.Count)];
            value = (JsonObject)data.DeepClone();
            foreach (var input in inputs) value[input] = random.Next(3) == 0 ? Mutant() : Plausible();
        }
        else
        {
            value = seenActions.Count > 0 ? (JsonObject)seenActions[random.Next(seenActions.Count)].DeepClone() : new JsonObject { ["action"] = "menu" };
        }
        foreach (var key in value.Select(kv => kv.Key).ToList())
        {
            if (random.Next(4) == 0) value[key] = Mutant();
        }
        if (random.Next(6) == 0) value[RandomWord()] = Mutant();

        if (random.Next(3) == 0)
        {
            activity["type"] = "invoke";
            activity["name"] = "adaptiveCard/action";
            activity.Remove("deliveryMode");
            activity["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "submit", ["data"] = value } };
        }
        else
        {
            activity["value"] = value;
        }
        return activity;
    }

    /// <summary>Collects the actions' data and the inputs of every card in a reply, to press them later.</summary>
    private void Harvest(string body)
    {
        if (body.Length == 0 || body[0] != '{') return;
        JsonNode? root;
        try { root = JsonNode.Parse(body); } catch (JsonException) { return; }
        foreach (var card in (root?["activities"] as JsonArray ?? []).SelectMany(a => a?["attachments"] as JsonArray ?? []).Select(a => a?["content"]).OfType<JsonObject>())
        {
            var inputs = new List<string>();
            Walk(card, inputs);
            foreach (var action in Actions(card))
            {
                if (seenActions.Count < 400) seenActions.Add(action);
                if (inputs.Count > 0 && seenForms.Count < 200) seenForms.Add((action, inputs));
            }
        }
    }

    private static void Walk(JsonNode? node, List<string> inputs)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["type"] is JsonValue t && t.TryGetValue<string>(out var type) && type.StartsWith("Input.", StringComparison.Ordinal)
                    && o["id"] is JsonValue id && id.TryGetValue<string>(out var name)) inputs.Add(name);
                foreach (var (_, child) in o) Walk(child, inputs);
                break;
            case JsonArray a:
                foreach (var child in a) Walk(child, inputs);
                break;
        }
    }

    private static IEnumerable<JsonObject> Actions(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["type"] is JsonValue t && t.TryGetValue<string>(out var type) && type is "Action.Submit" or "Action.Execute" && o["data"] is JsonObject data)
                    yield return (JsonObject)data.DeepClone();
                foreach (var (_, child) in o)
                    foreach (var found in Actions(child)) yield return found;
                break;
            case JsonArray a:
                foreach (var child in a)
                    foreach (var found in Actions(child)) yield return found;
                break;
        }
    }

    private JsonNode? Plausible() => random.Next(6) switch
    {
        0 => "true",
        1 => "2026-03-15",
        2 => "1804",
        3 => "ja",
        4 => RandomWord(),
        _ => "",
    };

    private JsonNode? Mutant() => random.Next(14) switch
    {
        0 => null,
        1 => random.Next(-5, 100_000),
        2 => 1.5e300,
        3 => random.Next(2) == 0,
        4 => new JsonObject { ["nested"] = RandomWord() },
        5 => new JsonArray(1, "to", null),
        6 => new string('x', random.Next(1, 300_000)),
        7 => "\u0000\r\n\u202e",
        8 => "9999999999999999999999",
        9 => "-1",
        10 => "00000000-0000-0000-0000-000000000000",
        11 => "2026-02-30T25:61:00Z",
        12 => "=cmd|' /C calc'!A0",
        _ => RandomText(),
    };

    private string RandomWord() => new([.. Enumerable.Range(0, random.Next(1, 12)).Select(_ => (char)random.Next('a', 'z' + 1))]);

    private string RandomText()
    {
        var chars = new char[random.Next(0, 200)];
        for (var i = 0; i < chars.Length; i++) chars[i] = (char)random.Next(0, 0xD7FF);
        return new string(chars);
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
