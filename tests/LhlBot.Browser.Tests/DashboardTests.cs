using System.Text;
using LhlBot.People;
using LhlBot.StatusReports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LhlBot.Browser.Tests;

/// <summary>The status dashboard at /status: an advisor sees her office only, Hdir sees every office; downloads are the `report` export.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardTests(BrowserHost host)
{
    [Fact]
    public async Task An_advisor_sees_her_own_office_and_never_another()
    {
        var page = await host.NewPageAsync(phone: true);
        await page.GotoAsync("/status?persona=radgiver&round=2021-11");
        var headline = page.Locator(".headline h2");
        await Assertions.Expect(headline).ToContainTextAsync("Nordland");
        await Assertions.Expect(page.Locator("#chart-planStatus svg.bar").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#chart-offices")).ToHaveCountAsync(0);
        await BrowserHost.ScreenshotAsync(page, "dashboard-advisor-phone");

        var offices = await page.Locator("details.municipalities .office").AllTextContentsAsync();
        Assert.NotEmpty(offices);
        Assert.All(offices, office => Assert.Contains("Nordland", office));

        // A municipality behind a bar opens its report.
        await page.Locator("#chart-reported summary").First.ClickAsync();
        await page.Locator("#list-reported-0 a.municipality").First.ClickAsync();
        await Assertions.Expect(page.Locator("#report")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#report")).ToContainTextAsync("rapport per 1. november 2021");
        await BrowserHost.ScreenshotAsync(page, "dashboard-advisor-report-phone");

        // Another office, asked for directly: refused, and no figures shown.
        await page.GotoAsync("/status?persona=radgiver&round=2021-11&office=Rogaland");
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("Du kan bare se oversikten for");
        await Assertions.Expect(page.Locator(".headline")).ToHaveCountAsync(0);
        var oslo = await page.APIRequest.GetAsync("/api/status/report?round=2021-11&municipality=0301", new() { Headers = new Dictionary<string, string> { ["X-LhlBot-Persona"] = "radgiver" } });
        Assert.Equal(404, oslo.Status);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Hdir_sees_every_office_and_downloads_the_report_export()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/status?persona=nasjonal&round=2021-11");
        await Assertions.Expect(page.Locator(".headline h2")).ToContainTextAsync("hele landet");
        await Assertions.Expect(page.Locator("#chart-offices .bar-row")).ToHaveCountAsync(10);
        await Assertions.Expect(page.Locator("#chart-dialogue")).ToContainTextAsync("Gjennomført");
        await Assertions.Expect(page.Locator("#chart-networkInvited")).ToBeVisibleAsync();
        await BrowserHost.ScreenshotAsync(page, "dashboard-hdir");
        var offices = (await page.Locator("details.municipalities .office").AllTextContentsAsync()).Distinct().ToList();
        Assert.True(offices.Count > 1, "Hdir sees municipalities of more than one office");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#csv"));
        Assert.Equal("status-2021-11-hele-landet.csv", download.SuggestedFilename);
        var csv = await File.ReadAllBytesAsync((await download.PathAsync())!);

        // The same bytes as the `report --csv` export of the round.
        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var calendar = services.GetRequiredService<ReportingCalendar>();
        var rows = await services.GetRequiredService<RoundSummaryBuilder>().RowsAsync(calendar.Find("2021-11")!, null, CancellationToken.None);
        using var expected = new MemoryStream();
        ReportExport.WriteCsv(expected, ReportExport.Header(calendar.Today), ReportExport.Rows(rows, services.GetRequiredService<RegistryLookup>().Offices, calendar.Today));
        Assert.Equal(Encoding.UTF8.GetString(expected.ToArray()), Encoding.UTF8.GetString(csv));

        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#xlsx"));
        Assert.EndsWith(".xlsx", xlsx.SuggestedFilename);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_contact_person_is_told_the_dashboard_is_for_the_support_apparatus()
    {
        var page = await host.NewPageAsync(phone: true);
        await page.GotoAsync("/status?persona=kontakt");
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("Oversikten er for støtteapparatet");
        await Assertions.Expect(page.Locator(".headline")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
