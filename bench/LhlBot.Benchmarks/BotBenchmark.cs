using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LhlBot.Benchmarks;

/// <summary>
/// `bot`: starts the built bot (src/LhlBot, Release) as a real process on a loopback port with a fresh data
/// folder, and prints cold and warm start-up time, turn latency over HTTP (expectReplies) and memory at idle.
/// </summary>
internal static class BotBenchmark
{
    public static async Task<int> RunAsync(string root, string[] args)
    {
        var turns = args.Length >= 2 && args[0] == "--turns" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        var dll = Path.Combine(root, "src", "LhlBot", "bin", "Release", "net10.0", "LhlBot.dll");
        if (!File.Exists(dll))
        {
            Console.WriteLine($"Bygg boten først: dotnet build -c Release src/LhlBot  (fant ikke {dll})");
            return 2;
        }
        var data = Path.Combine(Path.GetTempPath(), "lhlbot-bench-" + Guid.NewGuid().ToString("N"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        var (cold, _) = await StartAsync(dll, data, http);
        StopQuietly(cold.Process);
        var (warm, url) = await StartAsync(dll, data, http);
        Console.WriteLine($"start-up, cold (migrate, seed registry and demo data, build index): {cold.Elapsed.TotalMilliseconds,8:0} ms");
        Console.WriteLine($"start-up, warm (index reused):                                   {warm.Elapsed.TotalMilliseconds,8:0} ms");

        try
        {
            await Task.Delay(2000);
            Console.WriteLine($"memory at idle (RSS after start):                                {Rss(warm.Process) / 1024.0 / 1024.0,8:0.0} MiB");

            foreach (var (label, text) in new[] { ("menu turn", "meny"), ("question turn", "Hvor mange kommuner har vedtatt plan i 2021?") })
            {
                var latencies = new List<double>();
                for (var i = 0; i < turns; i++)
                {
                    var body = $$"""{"type":"message","id":"{{Guid.NewGuid():N}}","channelId":"emulator","serviceUrl":"http://localhost/","from":{"id":"u{{i % 20}}","name":"Bench"},"recipient":{"id":"b","name":"LhlBot"},"conversation":{"id":"bench-{{label}}-{{i % 20}}"},"text":"{{text}}","deliveryMode":"expectReplies"}""";
                    var watch = Stopwatch.StartNew();
                    using var response = await http.PostAsync(url + "api/messages", new StringContent(body, Encoding.UTF8, "application/json"));
                    await response.Content.ReadAsByteArrayAsync();
                    watch.Stop();
                    if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"HTTP {(int)response.StatusCode}");
                    if (i >= 10) latencies.Add(watch.Elapsed.TotalMilliseconds); // the first few warm up the JIT
                }
                latencies.Sort();
                Console.WriteLine($"{label,-14} over HTTP ({latencies.Count} turns): p50 {Percentile(latencies, 0.50),6:0.0} ms   p99 {Percentile(latencies, 0.99),6:0.0} ms");
            }
            Console.WriteLine($"memory after the turns (RSS):                                    {Rss(warm.Process) / 1024.0 / 1024.0,8:0.0} MiB");
        }
        finally
        {
            StopQuietly(warm.Process);
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
        return 0;
    }

    private static async Task<((Process Process, TimeSpan Elapsed), string Url)> StartAsync(string dll, string data, HttpClient http)
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}/";
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", url.TrimEnd('/')])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.Environment["LHLBOT_DATA"] = data;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
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
                using var response = await http.GetAsync(url + "healthz");
                if (response.IsSuccessStatusCode) return ((process, watch.Elapsed), url);
            }
            catch (HttpRequestException) { }
            await Task.Delay(20);
        }
        StopQuietly(process);
        throw new TimeoutException("The bot did not answer /healthz within 120 s.");
    }

    private static long Rss(Process process)
    {
        process.Refresh();
        return process.WorkingSet64;
    }

    private static void StopQuietly(Process process)
    {
        try { process.Kill(entireProcessTree: true); process.WaitForExit(5000); } catch (InvalidOperationException) { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
