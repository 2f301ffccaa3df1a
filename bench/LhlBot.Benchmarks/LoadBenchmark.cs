using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace LhlBot.Benchmarks;

/// <summary>
/// `load [--seconds N] [--concurrency 1,8] [--no-js]`: the built bot (src/LhlBot, Release) side by side with two peers on the
/// official Bot Framework SDK for JavaScript (bench/js-peer: botbuilder 4.23 on express, an echo bot and a lunr bot
/// over LhlBot's own passages), all as real processes on loopback. The same requests (expectReplies, a conversation
/// per worker) drive each at each concurrency for N seconds; it prints req/s, p50, p99, server CPU per turn and the
/// ratios LhlBot / JS echo (menu turn) and LhlBot / JS + lunr (question turn), and LhlBot's start-up.
/// The driver is an in-process HttpClient, on the same two cores as the servers (the same for every server).
/// </summary>
internal static class LoadBenchmark
{
    private const string MenuText = "hjelp";
    private const string QuestionText = "Hva er de fem innsatsområdene?";

    public static async Task<int> RunAsync(string root, string[] args)
    {
        var seconds = Option(args, "--seconds", 5.0);
        var levels = (OptionText(args, "--concurrency") ?? "1,8").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var withJs = !args.Contains("--no-js");
        var dll = Path.Combine(root, "src", "LhlBot", "bin", "Release", "net10.0", "LhlBot.dll");
        if (!File.Exists(dll))
        {
            Console.WriteLine($"Bygg boten først: dotnet build -c Release src/LhlBot  (fant ikke {dll})");
            return 2;
        }
        var peer = Path.Combine(root, "bench", "js-peer");
        if (withJs && !Directory.Exists(Path.Combine(peer, "node_modules")))
        {
            Console.WriteLine($"Installer JS-motpartene først: (cd {peer} && npm ci)   – eller kjør med --no-js");
            return 2;
        }

        var work = Path.Combine(Path.GetTempPath(), "lhlbot-load-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        var servers = new List<Server>();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        { Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            // LhlBot: cold start (migrate, seed, build the index), stopped, then the warm start that is measured under load.
            var data = Path.Combine(work, "data");
            var cold = await Server.StartAsync("LhlBot", "dotnet", [dll, "--urls", "{url}"], Path.GetDirectoryName(dll)!, http,
                new() { ["LHLBOT_DATA"] = data, ["ASPNETCORE_ENVIRONMENT"] = "Production" });
            var coldAnswer = await FirstAnswerAsync(http, cold);
            cold.Stop();
            var bot = await Server.StartAsync("LhlBot", "dotnet", [dll, "--urls", "{url}"], Path.GetDirectoryName(dll)!, http,
                new() { ["LHLBOT_DATA"] = data, ["ASPNETCORE_ENVIRONMENT"] = "Production" });
            var warmAnswer = await FirstAnswerAsync(http, bot);
            servers.Add(bot);
            Console.WriteLine($"LhlBot start-up, cold: first 200 from /healthz {cold.StartUp.TotalMilliseconds,6:0} ms, first answered question {coldAnswer.TotalMilliseconds,6:0} ms");
            Console.WriteLine($"LhlBot start-up, warm: first 200 from /healthz {bot.StartUp.TotalMilliseconds,6:0} ms, first answered question {warmAnswer.TotalMilliseconds,6:0} ms");

            Server? echo = null, lunr = null;
            if (withJs)
            {
                var passages = Path.Combine(work, "passages.json");
                ExportPassages(root, passages);
                echo = await Server.StartAsync("JS echo", "node", ["peer.js", "echo", "{port}"], peer, http, []);
                lunr = await Server.StartAsync("JS + lunr", "node", ["peer.js", "lunr", "{port}", passages], peer, http, []);
                servers.Add(echo);
                servers.Add(lunr);
                Console.WriteLine($"JS echo start-up: first 200 {echo.StartUp.TotalMilliseconds,6:0} ms; JS + lunr: {lunr.StartUp.TotalMilliseconds,6:0} ms");
            }

            Console.WriteLine();
            Console.WriteLine($"{"server",-10} {"turn",-9} {"c",3} {"req/s",8} {"p50 ms",8} {"p99 ms",8} {"cpu ms/turn",12} {"errors",7}");
            var results = new Dictionary<(string Server, string Turn, int C), Result>();
            foreach (var (turn, text) in new[] { ("menu", MenuText), ("question", QuestionText) })
            {
                foreach (var c in levels)
                {
                    foreach (var server in servers)
                    {
                        if (turn == "menu" && server == lunr) continue; // the echo bot is the menu turn's peer
                        if (turn == "question" && server == echo) continue;
                        var result = await DriveAsync(http, server, text, c, TimeSpan.FromSeconds(seconds));
                        results[(server.Name, turn, c)] = result;
                        Console.WriteLine($"{server.Name,-10} {turn,-9} {c,3} {result.PerSecond,8:0} {result.P50,8:0.0} {result.P99,8:0.0} {result.CpuPerTurn,12:0.00} {result.Errors,7}");
                    }
                }
            }

            Console.WriteLine();
            foreach (var c in levels)
            {
                var menu = results[("LhlBot", "menu", c)];
                var question = results[("LhlBot", "question", c)];
                var line = new StringBuilder($"c={c}: ");
                if (withJs)
                {
                    line.Append(CultureInfo.InvariantCulture, $"menu LhlBot / JS echo {menu.PerSecond / results[("JS echo", "menu", c)].PerSecond:0.00}×   ");
                    line.Append(CultureInfo.InvariantCulture, $"question LhlBot / JS + lunr {question.PerSecond / results[("JS + lunr", "question", c)].PerSecond:0.00}×   ");
                }
                line.Append(CultureInfo.InvariantCulture, $"LhlBot p99 menu {menu.P99:0.0} ms, question {question.P99:0.0} ms");
                Console.WriteLine(line);
            }
            if (levels.Length >= 2)
            {
                var (low, high) = (levels.Min(), levels.Max());
                Console.WriteLine($"LhlBot throughput c={high} / c={low}: menu {results[("LhlBot", "menu", high)].PerSecond / results[("LhlBot", "menu", low)].PerSecond:0.00}×, " +
                                  $"question {results[("LhlBot", "question", high)].PerSecond / results[("LhlBot", "question", low)].PerSecond:0.00}×");
            }
            return 0;
        }
        finally
        {
            foreach (var server in servers) server.Stop();
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    private sealed record Result(double PerSecond, double P50, double P99, double CpuPerTurn, int Errors);

    /// <summary>c workers, each its own conversation, send the turn back to back for the duration (after a short warm-up).</summary>
    private static async Task<Result> DriveAsync(HttpClient http, Server server, string text, int concurrency, TimeSpan duration)
    {
        await RunWorkersAsync(http, server, text, concurrency, TimeSpan.FromSeconds(1), null); // JIT, pools, caches
        var latencies = new List<double>[concurrency];
        var cpuBefore = server.CpuTime();
        var watch = Stopwatch.StartNew();
        var errors = await RunWorkersAsync(http, server, text, concurrency, duration, latencies);
        var elapsed = watch.Elapsed.TotalSeconds;
        var cpu = (server.CpuTime() - cpuBefore).TotalMilliseconds;
        var all = latencies.SelectMany(l => l).Order().ToList();
        return new Result(all.Count / elapsed, Percentile(all, 0.50), Percentile(all, 0.99), all.Count == 0 ? 0 : cpu / all.Count, errors);
    }

    private static async Task<int> RunWorkersAsync(HttpClient http, Server server, string text, int concurrency, TimeSpan duration, List<double>[]? latencies)
    {
        var errors = 0;
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var run = Guid.NewGuid().ToString("N")[..8];
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var mine = new List<double>();
            if (latencies is not null) latencies[worker] = mine;
            var conversation = $"load-{run}-{worker}";
            var n = 0;
            while (Stopwatch.GetTimestamp() < until)
            {
                var body = Activity(text, $"{conversation}-{n++}", conversation, worker);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.PostAsync(server.Url + "api/messages", new StringContent(body, Encoding.UTF8, "application/json"));
                    await response.Content.ReadAsByteArrayAsync();
                    if (response.StatusCode != HttpStatusCode.OK) { Interlocked.Increment(ref errors); continue; }
                }
                catch (HttpRequestException) { Interlocked.Increment(ref errors); continue; }
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        return errors;
    }

    private static string Activity(string text, string id, string conversation, int worker) =>
        JsonSerializer.Serialize(new
        {
            type = "message", id, channelId = "emulator", serviceUrl = "http://localhost/",
            from = new { id = $"load-user-{worker}", name = "Last" }, recipient = new { id = "bot", name = "Bot" },
            conversation = new { id = conversation }, text, deliveryMode = "expectReplies",
        });

    /// <summary>Until a question gets an answer that cites a source (the index is loaded), from the process start.</summary>
    private static async Task<TimeSpan> FirstAnswerAsync(HttpClient http, Server server)
    {
        var n = 0;
        while (server.SinceStart < TimeSpan.FromSeconds(120))
        {
            using var response = await http.PostAsync(server.Url + "api/messages",
                new StringContent(Activity(QuestionText, $"first-{n++}", "first-answer", 0), Encoding.UTF8, "application/json"));
            if (response.StatusCode == HttpStatusCode.OK && (await response.Content.ReadAsStringAsync()).Contains("Kilde", StringComparison.Ordinal))
                return server.SinceStart;
            await Task.Delay(10);
        }
        throw new TimeoutException("No answered question within 120 s.");
    }

    /// <summary>LhlBot's passages (the same splitting the index uses) for the lunr peer.</summary>
    private static void ExportPassages(string root, string file)
    {
        var source = LhlBot.Knowledge.Search.IndexBuilder.ReadSource(Path.Combine(root, "knowledge"));
        var passages = source.Documents.SelectMany(LhlBot.Knowledge.Documents.PassageSplitter.Split)
            .Select(p => new { id = p.Id, section = p.Section, text = p.Text });
        File.WriteAllText(file, JsonSerializer.Serialize(passages));
    }

    private sealed class Server
    {
        private readonly Process process;
        private readonly Stopwatch sinceStart;

        private Server(string name, string url, Process process, Stopwatch sinceStart, TimeSpan startUp) =>
            (Name, Url, this.process, this.sinceStart, StartUp) = (name, url, process, sinceStart, startUp);

        public string Name { get; }
        public string Url { get; }
        public TimeSpan StartUp { get; }
        public TimeSpan SinceStart => sinceStart.Elapsed;

        public TimeSpan CpuTime()
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }

        public static async Task<Server> StartAsync(string name, string file, string[] arguments, string folder, HttpClient http, Dictionary<string, string> environment)
        {
            var port = FreePort();
            var url = $"http://127.0.0.1:{port}";
            var start = new ProcessStartInfo(file, arguments.Select(a => a.Replace("{url}", url).Replace("{port}", port.ToString(CultureInfo.InvariantCulture))))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = folder,
            };
            foreach (var (key, value) in environment) start.Environment[key] = value;
            var watch = Stopwatch.StartNew();
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            while (watch.Elapsed < TimeSpan.FromSeconds(120))
            {
                try
                {
                    using var response = await http.GetAsync(url + "/healthz");
                    if (response.IsSuccessStatusCode) return new Server(name, url + "/", process, watch, watch.Elapsed);
                }
                catch (HttpRequestException) { }
                await Task.Delay(10);
            }
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            throw new TimeoutException($"{name} did not answer /healthz within 120 s.");
        }

        public void Stop()
        {
            try { process.Kill(entireProcessTree: true); process.WaitForExit(5000); } catch (InvalidOperationException) { }
        }
    }

    private static double Option(string[] args, string name, double fallback) =>
        OptionText(args, name) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static string? OptionText(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
