using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LhlBot.Browser.Tests;

/// <summary>
/// The real bot (Program) on Kestrel on a loopback port with its own SQLite file and demo data, and one headless
/// Debian Chromium driven by Playwright. Shared by every browser test (one start, a fresh browser context per test).
/// Playwright's own browser downloads are never used: the executable is /usr/bin/chromium (or LHLBOT_CHROMIUM).
/// </summary>
public sealed class BrowserHost : IAsyncLifetime
{
    private WebApplicationFactory<Program> factory = null!;
    private IPlaywright playwright = null!;

    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "lhlbot-browser-tests", Guid.NewGuid().ToString("N"));

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go; kept after the run as test artifacts.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public IServiceProvider Services => factory.Services;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataFolder);
        Directory.CreateDirectory(ScreenshotFolder);
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Storage:DataFolder", DataFolder);
            // A round is open whatever day the tests run: reporting is tried through the card.
            builder.UseSetting("StatusReports:OpenWeeksBefore", "27");
            builder.UseSetting("StatusReports:DeadlineDaysAfter", "200");
        });
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        // The listener opens before start-up is done; the pages need the database and the index.
        await factory.Services.GetRequiredService<LhlBot.Hosting.Readiness>().WaitAsync(CancellationToken.None);
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First());
        await ImportAvailabilityAsync();

        var executable = Environment.GetEnvironmentVariable("LHLBOT_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Chromium was not found at {executable}. Install it with `apt-get install -y chromium` (.ci/run does) or set LHLBOT_CHROMIUM.");
        }
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>
    /// The demo advisor's weekly hours, imported as an advisor does it (`availability import`), so that booking has
    /// times to offer whatever the demo seeding gives.
    /// </summary>
    private async Task ImportAvailabilityAsync()
    {
        var csv = Path.Combine(DataFolder, "vinduer.csv");
        var lines = new[] { "mandag", "tirsdag", "onsdag", "torsdag", "fredag" }.Select(day => $"radgiver.nordland@example.no;{day};08:00;16:00");
        await File.WriteAllLinesAsync(csv, ["email;weekday;from;to", .. lines]);
        var command = factory.Services.GetServices<LhlBot.Hosting.ICliCommand>().Single(c => c.Name == "availability import");
        var output = new StringWriter();
        var exit = await command.RunAsync([csv], TextReader.Null, output, CancellationToken.None);
        if (exit != 0) throw new InvalidOperationException("availability import failed: " + output);
    }

    /// <summary>A fresh browser (own storage) at phone width or desktop width.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1100, Height = 900 },
            AcceptDownloads = true,
            Locale = "nb-NO",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        page.Console += (_, message) => { if (message.Type == "error") ConsoleErrors.Add(message.Text); };
        page.PageError += (_, error) => ConsoleErrors.Add(error);
        return page;
    }

    /// <summary>Script errors seen on any page (a test asserts there are none of its own).</summary>
    public List<string> ConsoleErrors { get; } = [];

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        playwright?.Dispose();
        await factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserHost>
{
    public const string Name = "browser";
}
