using System.Text.Json.Nodes;
using LhlBot.People;
using LhlBot.StatusReports;
using LhlBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using static LhlBot.Tests.StatusReports.StatusTestHost;

namespace LhlBot.Tests.StatusReports;

public sealed class SummaryTests
{
    /// <summary>
    /// Hand-counted fixture, Nordland (41 municipalities), round 2021-11 against 2021-05:
    /// Nov: 1804 adopted/ph3/takes part, 1806 delayed(resources)/ph2/plans, 1820 in process/ph2/takes part,
    ///      1833 adopted/ph3/does not want, 1865 delayed(resources, master plan)/ph2/takes part.
    /// May: 1806 in process, 1865 in process, 1804 in process/ph2.
    /// So: 5 of 41 reported; 3 adopted-or-will (was 3 → +0); phase 3: 2 (was 0); networks 3/1/1;
    /// delay reasons resources 2, master plan 1; 2 newly delayed; 36 not reported.
    /// </summary>
    [Fact]
    public async Task The_summary_figures_match_a_hand_counted_fixture()
    {
        await using var host = await StartAsync();
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LhlDbContext>();
        void Add(string number, string round, string plan, string phase, string network, params string[] reasons)
        {
            var a = new JsonObject { ["planStatus"] = plan, ["phase"] = phase, ["network"] = network, ["overallStatus"] = "Fixture" };
            if (reasons.Length > 0) a["delayReasons"] = new JsonArray(reasons.Select(r => (JsonNode)JsonValue.Create(r)!).ToArray());
            if (phase == "3") a["focusAreas"] = new JsonArray("aldersvennlig-samfunn");
            db.Add(new StatusReport { MunicipalityNumber = number, RoundId = round, Version = 1, IsCurrent = true, AnswersJson = a.ToJsonString(), SubmittedByName = "Fixture" });
        }
        Add("1804", "2021-11", "vedtatt", "3", "deltar");
        Add("1806", "2021-11", "forsinket", "2", "planlegger", "ressurser");
        Add("1820", "2021-11", "i-prosess", "2", "deltar");
        Add("1833", "2021-11", "vedtatt", "3", "onsker-ikke");
        Add("1865", "2021-11", "forsinket", "2", "deltar", "ressurser", "samfunnsplan");
        Add("1806", "2021-05", "i-prosess", "2", "deltar");
        Add("1865", "2021-05", "i-prosess", "2", "deltar");
        Add("1804", "2021-05", "i-prosess", "2", "deltar");
        Add("4204", "2021-11", "vedtatt", "3", "deltar"); // Agder: outside Nordland's summary
        await db.SaveChangesAsync();

        var calendar = scope.ServiceProvider.GetRequiredService<ReportingCalendar>();
        var nordland = scope.ServiceProvider.GetRequiredService<RegistryLookup>().FindOffice("Nordland").Match!;
        var summary = await scope.ServiceProvider.GetRequiredService<RoundSummaryBuilder>().BuildAsync(calendar.Find("2021-11")!, [nordland.Id], CancellationToken.None);

        var now = summary.Now;
        Assert.Equal((41, 5, 3, 2), (now.Municipalities, now.Reported, now.AdoptedOrWillAdopt, now.InImplementation));
        Assert.Equal((3, 1, 1), (now.Networks["deltar"], now.Networks["planlegger"], now.Networks["onsker-ikke"]));
        Assert.Equal((2, 1), (now.DelayReasons["ressurser"], now.DelayReasons["samfunnsplan"]));
        Assert.Equal(2, now.NewlyDelayed);
        Assert.Equal(36, now.NotReported.Count);
        Assert.Equal((3, 0), (summary.Before.AdoptedOrWillAdopt, summary.Before.InImplementation));

        var text = SummaryText.AsText(summary);
        Assert.Contains("3 av 41 kommuner har vedtatt eller vil vedta plan i år", text);
        Assert.Contains("2 kommuner melder at de er i fase 3", text);
        Assert.Contains("Per 1. mai 2021: 0 (+2)", text);
        Assert.Contains("3 kommuner er invitert til læringsnettverk, og 3 oppgir at de deltar; 1 planlegger å delta, og 1 ønsker ikke å delta", text);
        Assert.Equal(["Bodø", "Rana - Raane"], summary.Now.Who("planStatus", "vedtatt").Select(m => m.Name).Order());

        var national = await scope.ServiceProvider.GetRequiredService<RoundSummaryBuilder>().BuildAsync(calendar.Find("2021-11")!, null, CancellationToken.None);
        Assert.Equal((357, 6, 4), (national.Now.Municipalities, national.Now.Reported, national.Now.AdoptedOrWillAdopt));
        Assert.Equal(10, national.PerOffice.Count);
    }

    [Fact]
    public async Task The_csv_export_has_one_row_per_municipality_with_every_answer_and_comment()
    {
        await using var host = await StartAsync();
        await AddPeopleAsync(host);
        var chat = host.Conversation(user: BodoContact);
        await chat.SayAsync("rapporter status");
        var card = ValidCard();
        card["planComment"] = "Vedtatt; med «sitat»";
        await chat.SubmitAsync(card);
        await chat.SubmitAsync(Send());

        await using var scope = host.Services.CreateAsyncScope();
        var calendar = scope.ServiceProvider.GetRequiredService<ReportingCalendar>();
        var rows = await scope.ServiceProvider.GetRequiredService<RoundSummaryBuilder>().RowsAsync(calendar.InForce()!, null, CancellationToken.None);
        using var stream = new MemoryStream();
        ReportExport.WriteCsv(stream, ReportExport.Header(calendar.Today), ReportExport.Rows(rows, scope.ServiceProvider.GetRequiredService<RegistryLookup>().Offices, calendar.Today));
        var bytes = stream.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(358, lines.Length);
        Assert.Contains("Kommentar til planarbeidet", lines[0]);
        var bodo = Assert.Single(lines, l => l.StartsWith("1804;", StringComparison.Ordinal));
        Assert.Contains("Politisk vedtatt", bodo);
        Assert.Contains("\"Vedtatt; med «sitat»\"", bodo);
        Assert.Contains("Et aldersvennlig samfunn, Mat og måltider", bodo);

        using var xlsx = new MemoryStream();
        ReportExport.WriteXlsx(xlsx, "Status", ReportExport.Header(calendar.Today), ReportExport.Rows(rows, [], calendar.Today));
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(xlsx.ToArray()), false);
        var sheetRows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().ToList();
        Assert.Equal(358, sheetRows.Count);
        // Typed cells: «Rapportert» a boolean, «Versjon» a number, «Sendt» a date and time, the decision date a date.
        var header = ReportExport.Header(calendar.Today).ToList();
        var cells = sheetRows.Single(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().First().InnerText == "1804")
            .Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToList();
        Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.CellValues.Boolean, cells[header.IndexOf("Rapportert")].DataType!.Value);
        Assert.Equal("1", cells[header.IndexOf("Rapportert")].CellValue!.Text);
        Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.CellValues.Number, cells[header.IndexOf("Versjon")].DataType!.Value);
        Assert.Equal(2u, cells[header.IndexOf("Sendt")].StyleIndex!.Value);
        var decision = cells[header.IndexOf("Dato for det politiske vedtaket")];
        Assert.Equal(1u, decision.StyleIndex!.Value);
        Assert.Equal(new DateTime(2021, 9, 23), DateTime.FromOADate(double.Parse(decision.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Every_status_card_expands_with_its_sample_data()
    {
        await using var host = await StartAsync();
        var cards = host.Services.GetRequiredService<LhlBot.Protocol.Cards.CardTemplateLibrary>();
        var names = cards.Names.Where(n => n.StartsWith("status-", StringComparison.Ordinal)).ToList();
        Assert.Equal(["status-claims", "status-receipt", "status-reminder", "status-summary"], names.Order());
        var folder = Path.Combine(AppContext.BaseDirectory, "cards");
        foreach (var name in names)
        {
            var card = cards.Get(name).Expand(JsonNode.Parse(File.ReadAllText(Path.Combine(folder, name + ".data.json"))));
            Assert.Equal("AdaptiveCard", (string?)card["type"]);
            Assert.DoesNotContain("${", card.ToJsonString());
        }
    }
}
