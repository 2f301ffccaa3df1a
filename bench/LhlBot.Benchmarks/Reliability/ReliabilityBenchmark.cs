using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace LhlBot.Benchmarks.Reliability;

/// <summary>
/// `reliability [fuzz|crash|race|flood|all] [--activities N]`: the bot's security and delivery targets measured on
/// the built bot (src/LhlBot, Release) as real processes on loopback ports, each with a fresh data folder.
///   fuzz   N (default 10,000) fuzzed activities over HTTP from 4 clients: HTTP 5xx and apologies
///   crash  bursts in 16 conversations, kill -9 in the middle, restart, re-delivery of what was not acknowledged: lost and doubled
///   race   100 contacts confirming the same time at once, half through each of two processes on one database: bookings made
///   flood  32 parallel 29 MB unauthenticated bodies against a bot with an app id: RSS before, at peak and after
/// Every loop is bounded; nothing leaves the machine.
/// </summary>
internal static class ReliabilityBenchmark
{
    private static readonly (string Id, string Name, string AadObjectId)[] DemoPeople =
    [
        ("29:kontakt", "Demo Kontaktperson", "00000000-0000-0000-0000-000000000001"),
        ("29:radgiver", "Demo Rådgiver", "00000000-0000-0000-0000-000000000002"),
        ("29:nasjonal", "Demo Helsedirektoratet", "00000000-0000-0000-0000-000000000003"),
        ("29:admin", "Demo Administrator", "00000000-0000-0000-0000-000000000004"),
        ("29:ukjent", "Ukjent Bruker", "00000000-0000-0000-0000-0000000000ff"),
    ];

    public static async Task<int> RunAsync(string root, string[] args)
    {
        var dll = Path.Combine(root, "src", "LhlBot", "bin", "Release", "net10.0", "LhlBot.dll");
        if (!File.Exists(dll))
        {
            Console.WriteLine($"Bygg boten først: dotnet build -c Release src/LhlBot  (fant ikke {dll})");
            return 2;
        }
        var part = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
        var activities = args.SkipWhile(a => a != "--activities").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(10_000);
        if (part is "fuzz" or "all") await FuzzAsync(dll, activities);
        if (part is "crash" or "all") await CrashAsync(dll);
        if (part is "race" or "all") await RaceAsync(dll);
        if (part is "flood" or "all") await FloodAsync(dll);
        return 0;
    }

    private static async Task FuzzAsync(string dll, int activities)
    {
        using var data = new TempFolder();
        await using var bot = await BotProcess.StartAsync(dll, data.Path, new() { ["StatusReports__OpenWeeksBefore"] = "27" });
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var watch = Stopwatch.StartNew();
        const int clients = 4;
        var results = await Task.WhenAll(Enumerable.Range(1, clients).Select(seed =>
            new ActivityFuzzer(http, seed, DemoPeople).RunAsync(bot.Url + "api/messages", activities / clients)));
        var errors = results.Sum(r => r.ServerErrors);
        var apologies = results.Sum(r => r.Apologies);
        Console.WriteLine($"fuzz:  {results.Sum(r => r.Activities)} fuzzed activities from {clients} clients in {watch.Elapsed.TotalSeconds:0} s: {errors} HTTP 5xx, {apologies} apologies");
        foreach (var example in results.SelectMany(r => r.Examples).Take(5)) Console.WriteLine("       " + example);
    }

    private static async Task CrashAsync(string dll)
    {
        using var data = new TempFolder();
        const int conversations = 16, perConversation = 40;
        var plan = Enumerable.Range(0, conversations).Select(c => Enumerable.Range(0, perConversation)
            .Select(i => (Conversation: $"crash-{c}", Id: $"crash-{c}-{i}", Text: i % 2 == 0 ? "meny" : "hjelp")).ToList()).ToList();
        var acknowledged = new ConcurrentDictionary<string, bool>();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        var first = await BotProcess.StartAsync(dll, data.Path, []);
        using var killAt = new CancellationTokenSource();
        var senders = plan.Select(conversation => Task.Run(async () =>
        {
            foreach (var (conv, id, text) in conversation)
            {
                if (killAt.IsCancellationRequested) return;
                try
                {
                    using var response = await http.PostAsync(first.Url + "api/messages", Json(conv, id, text), killAt.Token);
                    if (response.StatusCode == HttpStatusCode.OK) acknowledged[id] = true;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException) { return; }
            }
        })).ToList();
        // Kill in the middle of the burst: once a third is acknowledged (at most 60 s).
        var waited = Stopwatch.StartNew();
        while (acknowledged.Count < conversations * perConversation / 3 && waited.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(10);
        first.Kill(); // kill -9: no shutdown, no flush
        killAt.Cancel();
        await Task.WhenAll(senders);
        var ackedBeforeKill = acknowledged.Count;

        // The channel re-delivers every activity it got no 200 for, in order, then goes on.
        await using var second = await BotProcess.StartAsync(dll, data.Path, []);
        var redelivered = 0;
        await Task.WhenAll(plan.Select(conversation => Task.Run(async () =>
        {
            foreach (var (conv, id, text) in conversation.Where(a => !acknowledged.ContainsKey(a.Id)))
            {
                Interlocked.Increment(ref redelivered);
                using var response = await http.PostAsync(second.Url + "api/messages", Json(conv, id, text));
                if (response.StatusCode == HttpStatusCode.OK) acknowledged[id] = true;
            }
        })));

        await using var db = new SqliteConnection($"Data Source={Path.Combine(data.Path, "lhlbot.db")};Mode=ReadOnly");
        await db.OpenAsync();
        var processed = await ScalarAsync(db, "SELECT COUNT(*) FROM ProcessedActivity WHERE ActivityId LIKE 'crash-%'");
        var turns = await ScalarAsync(db, "SELECT COALESCE(SUM(Version), 0) FROM ConversationRecord WHERE Id LIKE 'crash-%'");
        var total = conversations * perConversation;
        Console.WriteLine($"crash: {total} activities in {conversations} conversations; kill -9 after {ackedBeforeKill} were acknowledged; {redelivered} re-delivered after the restart: " +
            $"{total - processed} lost, {turns - processed} processed twice, {total - acknowledged.Count} never acknowledged");
    }

    private static async Task RaceAsync(string dll)
    {
        using var data = new TempFolder();
        const int contenders = 100;
        var people = new StringBuilder("municipality;name;email;aadObjectId\n");
        for (var i = 0; i < contenders; i++) people.Append(CultureInfo.InvariantCulture, $"1804;Kontakt {i};kontakt{i}@bodo.kommune.no;{Aad(i)}\n");
        await File.WriteAllTextAsync(Path.Combine(data.Path, "contacts.csv"), people.ToString());
        await File.WriteAllTextAsync(Path.Combine(data.Path, "advisors.csv"), "office;organisation;centre;name;email;aadObjectId\nNordland;Statsforvalteren;;Rita Rådgiver;rita@statsforvalteren.no;\n");
        await File.WriteAllTextAsync(Path.Combine(data.Path, "windows.csv"), "email;weekday;from;to\n" +
            string.Concat(new[] { "mandag", "tirsdag", "onsdag", "torsdag", "fredag" }.Select(d => $"rita@statsforvalteren.no;{d};09:00;10:00\n")));
        var environment = new Dictionary<string, string> { ["Demo__Enabled"] = "false" };
        foreach (var command in new[] { new[] { "contacts", "import", "contacts.csv" }, ["advisors", "import", "advisors.csv"], ["availability", "import", "windows.csv"] })
        {
            await BotProcess.RunCommandAsync(dll, data.Path, environment, [.. command.Take(2), Path.Combine(data.Path, command[2])]);
        }

        await using var a = await BotProcess.StartAsync(dll, data.Path, environment);
        await using var b = await BotProcess.StartAsync(dll, data.Path, environment);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        string[] steps = ["book", "Statsforvalteren", "Mat og måltider", "Teams", "Vi vil ha råd om måltider.", "send", "1"];
        using var gate = new SemaphoreSlim(8);
        await Task.WhenAll(Enumerable.Range(0, contenders).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                foreach (var step in steps) await SayAsync(http, (i % 2 == 0 ? a : b).Url, i, step);
            }
            finally { gate.Release(); }
        }));
        var watch = Stopwatch.StartNew();
        var replies = await Task.WhenAll(Enumerable.Range(0, contenders).Select(i => SayAsync(http, (i % 2 == 0 ? a : b).Url, i, "bekreft")));
        watch.Stop();

        await using var db = new SqliteConnection($"Data Source={Path.Combine(data.Path, "lhlbot.db")};Mode=ReadOnly");
        await db.OpenAsync();
        var booked = await ScalarAsync(db, "SELECT COUNT(*) FROM Bookings WHERE Status = 'Booked'");
        Console.WriteLine($"race:  {contenders} contacts confirmed the same time at once over two processes on one database ({watch.ElapsedMilliseconds} ms): " +
            $"{replies.Count(r => r.Contains("Møtet er booket", StringComparison.Ordinal))} told «booket», {booked} booking(s) stored");
    }

    private static async Task FloodAsync(string dll)
    {
        using var data = new TempFolder();
        await using var bot = await BotProcess.StartAsync(dll, data.Path, new()
        {
            ["MicrosoftAppId"] = "11111111-2222-3333-4444-555555555555",
            ["MicrosoftAppPassword"] = "not-used",
            // No signing keys reachable: the flood must not even need them.
            ["BotFramework__OpenIdMetadataUrl"] = "https://127.0.0.1:9/.well-known/openidconfiguration",
        });
        await Task.Delay(2000);
        var before = bot.Rss();
        long peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, bot.Rss());
                await Task.Delay(50);
            }
        });
        const int parallel = 32;
        const long size = 29L * 1024 * 1024;
        var statuses = new ConcurrentBag<string>();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, parallel).Select(async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, bot.Url + "api/messages") { Content = new RepeatingContent(size) };
            if (i % 2 == 1) request.Headers.TryAddWithoutValidation("Authorization", "Bearer forged.token.value");
            try
            {
                using var response = await http.SendAsync(request);
                statuses.Add(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                statuses.Add("closed");
            }
        }));
        watch.Stop();
        await Task.Delay(3000);
        sampling.Cancel();
        await sampler;
        var after = bot.Rss();
        Console.WriteLine($"flood: {parallel} parallel {size / 1024 / 1024} MB unauthenticated bodies in {watch.Elapsed.TotalSeconds:0.0} s " +
            $"({string.Join(", ", statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Count()}× {g.Key}"))}): " +
            $"RSS {before / 1048576.0:0} MiB before, {peak / 1048576.0:0} MiB at peak (+{(peak - before) / 1048576.0:0}), {after / 1048576.0:0} MiB 3 s after");
    }

    private static string Aad(int i) => $"33333333-0000-0000-0000-{i:000000000000}";

    private static async Task<string> SayAsync(HttpClient http, string url, int contact, string text)
    {
        var activity = new JsonObject
        {
            ["type"] = "message", ["id"] = Guid.NewGuid().ToString("N"), ["channelId"] = "text", ["serviceUrl"] = "http://localhost/race/",
            ["from"] = new JsonObject { ["id"] = $"29:k{contact}", ["name"] = $"Kontakt {contact}", ["aadObjectId"] = Aad(contact) },
            ["recipient"] = new JsonObject { ["id"] = "lhlbot" }, ["conversation"] = new JsonObject { ["id"] = $"race-{contact}", ["conversationType"] = "personal" },
            ["text"] = text, ["deliveryMode"] = "expectReplies",
        };
        using var response = await http.PostAsync(url + "api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
        return await response.Content.ReadAsStringAsync();
    }

    private static StringContent Json(string conversation, string id, string text) => new(new JsonObject
    {
        ["type"] = "message", ["id"] = id, ["channelId"] = "emulator", ["serviceUrl"] = "http://localhost/crash/",
        ["from"] = new JsonObject { ["id"] = "29:crash", ["name"] = "Crash" }, ["recipient"] = new JsonObject { ["id"] = "lhlbot" },
        ["conversation"] = new JsonObject { ["id"] = conversation }, ["text"] = text, ["deliveryMode"] = "expectReplies",
    }.ToJsonString(), Encoding.UTF8, "application/json");

    private static async Task<long> ScalarAsync(SqliteConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>A body of the given size made up on the fly, so the bench itself holds none of it.</summary>
    private sealed class RepeatingContent(long length) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
            for (long sent = 0; sent < length; sent += chunk.Length)
            {
                await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, length - sent)));
            }
        }

        protected override bool TryComputeLength(out long value)
        {
            value = length;
            return true;
        }
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "lhlbot-reliability-" + Guid.NewGuid().ToString("N"));

        public TempFolder() => Directory.CreateDirectory(Path);

        public void Dispose()
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>The built bot as a child process on a free loopback port, stopped (killed) when disposed.</summary>
    private sealed class BotProcess : IAsyncDisposable
    {
        private readonly Process process;

        private BotProcess(Process process, string url)
        {
            this.process = process;
            Url = url;
        }

        public string Url { get; }

        public long Rss()
        {
            process.Refresh();
            return process.WorkingSet64;
        }

        public void Kill()
        {
            try { process.Kill(entireProcessTree: true); process.WaitForExit(5000); } catch (InvalidOperationException) { }
        }

        public static async Task<BotProcess> StartAsync(string dll, string data, Dictionary<string, string> environment)
        {
            int port;
            using (var listener = new TcpListener(IPAddress.Loopback, 0))
            {
                listener.Start();
                port = ((IPEndPoint)listener.LocalEndpoint).Port;
            }
            var url = $"http://127.0.0.1:{port}/";
            var process = Start(dll, data, environment, ["--urls", url.TrimEnd('/')]);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < TimeSpan.FromSeconds(120))
            {
                try
                {
                    using var response = await http.GetAsync(url + "healthz");
                    if (response.IsSuccessStatusCode) return new BotProcess(process, url);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException) { }
                await Task.Delay(50);
            }
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The bot did not answer /healthz within 120 s.");
        }

        public static async Task RunCommandAsync(string dll, string data, Dictionary<string, string> environment, string[] args)
        {
            using var process = Start(dll, data, environment, args);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            await process.WaitForExitAsync(timeout.Token);
            if (process.ExitCode != 0) throw new InvalidOperationException($"`{string.Join(' ', args)}` failed with exit code {process.ExitCode}.");
        }

        private static Process Start(string dll, string data, Dictionary<string, string> environment, string[] args)
        {
            var start = new ProcessStartInfo("dotnet", [dll, .. args])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = System.IO.Path.GetDirectoryName(dll)!,
            };
            start.Environment["LHLBOT_DATA"] = data;
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            foreach (var (key, value) in environment) start.Environment[key] = value;
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return process;
        }

        public ValueTask DisposeAsync()
        {
            Kill();
            process.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
