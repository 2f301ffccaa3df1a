using System.Text.Json.Nodes;
using LhlBot.People;
using LhlBot.StatusReports;
using LhlBot.Storage;
using LhlBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LhlBot.Tests.StatusReports;

/// <summary>A bot host without demo data, with a round always open, and the people the tests talk as.</summary>
internal static class StatusTestHost
{
    public static readonly TestUser BodoContact = new("29:bodo", "Kari Bodø", "11111111-0000-0000-0000-000000000001");
    public static readonly TestUser NarvikContact = new("29:narvik", "Nils Narvik", "11111111-0000-0000-0000-000000000002");
    public static readonly TestUser NordlandAdvisor = new("29:sf-nordland", "Siri Statsforvalter", "11111111-0000-0000-0000-000000000003");
    public static readonly TestUser AgderAdvisor = new("29:sf-agder", "Anders Agder", "11111111-0000-0000-0000-000000000004");
    public static readonly TestUser Stranger = new("29:stranger", "Ukjent Person", "11111111-0000-0000-0000-000000000099");

    public static async Task<BotHost> StartAsync(string? dataFolder = null)
    {
        var host = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "false",
            // Six months either side: some round is always open, whatever day the tests run.
            ["StatusReports:OpenWeeksBefore"] = "27",
        }, dataFolder);
        return host;
    }

    public static async Task AddPeopleAsync(BotHost host)
    {
        await ImportAsync(host, ImportKind.Contacts,
            "municipality;name;email;aadObjectId\n" +
            $"1804;Kari Bodø;kari@bodo.kommune.no;{BodoContact.AadObjectId}\n" +
            $"1806;Nils Narvik;nils@narvik.kommune.no;{NarvikContact.AadObjectId}\n");
        await ImportAsync(host, ImportKind.Advisors,
            "office;organisation;centre;name;email;aadObjectId\n" +
            $"Nordland;Statsforvalteren;;Siri Statsforvalter;siri@statsforvalteren.no;{NordlandAdvisor.AadObjectId}\n" +
            $"Agder;Statsforvalteren;;Anders Agder;anders@statsforvalteren.no;{AgderAdvisor.AadObjectId}\n");
    }

    public static async Task<ImportResult> ImportAsync(BotHost host, ImportKind kind, string csv)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<PeopleImporter>().ImportAsync(kind, csv, null, CancellationToken.None);
        if (result.Ok) await scope.ServiceProvider.GetRequiredService<LhlDbContext>().SaveChangesAsync();
        return result;
    }

    /// <summary>A complete, valid card submission of the report form.</summary>
    public static JsonObject ValidCard(string overall = "Planen er vedtatt og tiltakene er i gang i alle tjenestene.") => new()
    {
        ["action"] = "form.submit",
        ["form"] = StatusReportForm.Id,
        ["planStatus"] = "vedtatt",
        ["planDecisionDate"] = "2021-09-23",
        ["network"] = "deltar",
        ["networkNames"] = "USHT Nordlands nettverk",
        ["phase"] = "3",
        ["focusAreas"] = "aldersvennlig-samfunn,mat-maltider",
        ["measures"] = "Seniortreff og måltidsvenner",
        ["involvement"] = "eldrerad,frivillige",
        ["overallStatus"] = overall,
        ["helpWanted"] = "",
    };

    public static JsonObject Send() => new() { ["action"] = "form.send", ["form"] = StatusReportForm.Id };

    public static async Task<List<StatusReport>> ReportsAsync(BotHost host, string municipality)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LhlDbContext>();
        return db.Set<StatusReport>().Where(r => r.MunicipalityNumber == municipality).OrderBy(r => r.Version).ToList();
    }
}
