using System.Text.Json.Nodes;
using LhlBot.People;
using LhlBot.Storage;
using LhlBot.Web;
using Microsoft.EntityFrameworkCore;

namespace LhlBot.StatusReports.Dashboard;

/// <summary>
/// The dashboard's data, for the page at /status (also the Teams static tab). Every call identifies the caller
/// (<see cref="WebSignIn"/>: persona in local mode, Entra token in Teams) and applies the bot's access rules:
/// advisors see their own office's municipalities, national users and administrators all, others nothing.
/// </summary>
internal static class StatusDashboardEndpoints
{
    public static void MapStatusDashboard(this WebApplication app)
    {
        app.MapGet("/api/status/view", async (HttpContext http, string? round, string? office, StatusDashboard dashboard) =>
        {
            var (scope, problem) = await dashboard.ScopeAsync(http, round, office);
            if (scope is null) return problem!;
            var summary = await dashboard.Summaries.BuildAsync(scope.Round, scope.Offices, http.RequestAborted);
            var rows = await dashboard.Summaries.RowsAsync(scope.Round, scope.Offices, http.RequestAborted);
            var html = DashboardView.Render(summary, rows, await dashboard.RoundsAsync(http.RequestAborted), office);
            return Results.Content(html, "text/html; charset=utf-8");
        });

        app.MapGet("/api/status/export", async (HttpContext http, string? round, string? office, string? format, StatusDashboard dashboard) =>
        {
            if (format is not ("csv" or "xlsx")) return WebSignIn.Problem(StatusCodes.Status400BadRequest, "Velg format csv eller xlsx.");
            var (scope, problem) = await dashboard.ScopeAsync(http, round, office);
            if (scope is null) return problem!;
            var rows = await dashboard.Summaries.RowsAsync(scope.Round, scope.Offices, http.RequestAborted);
            var today = dashboard.Calendar.Today;
            var header = ReportExport.Header(today);
            var lines = ReportExport.Rows(rows, dashboard.Registry.Offices, today);
            var memory = new MemoryStream();
            if (format == "csv") ReportExport.WriteCsv(memory, header, lines);
            else ReportExport.WriteXlsx(memory, $"Status {scope.Round.Id}", header, lines);
            memory.Position = 0;
            var name = $"status-{scope.Round.Id}-{FileNamePart(scope.Name)}.{format}";
            return Results.File(memory, format == "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
        });

        app.MapGet("/api/status/report", async (HttpContext http, string? round, string? municipality, StatusDashboard dashboard) =>
        {
            var (scope, problem) = await dashboard.ScopeAsync(http, round, null);
            if (scope is null) return problem!;
            var entry = municipality is null ? null : dashboard.Registry.ByNumber(municipality);
            // Unknown or not yours: the same answer, so no report is revealed.
            if (entry is null || !scope.Person.CanReadMunicipality(entry.Number, entry.OfficeId))
            {
                return WebSignIn.Problem(StatusCodes.Status404NotFound, "Finner ingen rapport du har tilgang til for denne kommunen.");
            }
            var row = (await dashboard.Summaries.RowsAsync(scope.Round, [entry.OfficeId], http.RequestAborted)).First(r => r.Municipality.Number == entry.Number);
            return Results.Content(DashboardView.Report(entry, scope.Round, row.Report, row.Answers, dashboard.Calendar.Today), "text/html; charset=utf-8");
        });
    }

    private static string FileNamePart(string scope) =>
        new string(scope.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray()).Trim('-');
}

/// <summary>What a dashboard call covers: the round, the offices (null: all) and who asks.</summary>
internal sealed record DashboardScope(Person Person, ReportingRound Round, IReadOnlyList<int>? Offices, string Name);

/// <summary>The dashboard's services for one request, and the access rule applied to every call.</summary>
internal sealed class StatusDashboard(WebSignIn signIn, LhlDbContext db, RegistryLookup registry, ReportingCalendar calendar, RoundSummaryBuilder summaries)
{
    public RoundSummaryBuilder Summaries => summaries;
    public RegistryLookup Registry => registry;
    public ReportingCalendar Calendar => calendar;

    public async Task<(DashboardScope? Scope, IResult? Problem)> ScopeAsync(HttpContext http, string? roundId, string? officeName)
    {
        var (caller, problem) = await signIn.IdentifyAsync(http, http.RequestAborted);
        if (caller is null) return (null, problem);
        var person = await signIn.PersonAsync(caller, http.RequestAborted);
        if (!person.CanSeeSummaries())
        {
            return (null, WebSignIn.Problem(StatusCodes.Status403Forbidden, person.ContactFor().Count > 0
                ? "Oversikten er for støtteapparatet. I chatten kan du skrive «se rapporten vår» for å se kommunens egen rapport."
                : "Oversikten er bare for det regionale støtteapparatet og Helsedirektoratet."));
        }
        var round = string.IsNullOrWhiteSpace(roundId) ? await DefaultRoundAsync(http.RequestAborted) : calendar.Find(roundId);
        if (round is null)
        {
            return (null, WebSignIn.Problem(StatusCodes.Status400BadRequest, $"Finner ingen rapporteringsrunde «{roundId}». Skriv år og måned, for eksempel 2021-11."));
        }
        var visible = person.VisibleOffices();
        IReadOnlyList<int>? offices = visible;
        var name = visible is null ? "hele landet" : string.Join(", ", visible.Select(id => registry.OfficeById(id)?.Name));
        if (!string.IsNullOrWhiteSpace(officeName))
        {
            var office = registry.FindOffice(officeName);
            if (!office.Found) return (null, WebSignIn.Problem(StatusCodes.Status400BadRequest, $"Finner ikke embetet «{officeName}»."));
            if (visible is not null && !visible.Contains(office.Match!.Id))
            {
                return (null, WebSignIn.Problem(StatusCodes.Status403Forbidden,
                    $"Du kan bare se oversikten for {string.Join(", ", visible.Select(id => registry.OfficeById(id)?.DisplayName))}."));
            }
            offices = [office.Match!.Id];
            name = office.Match.Name;
        }
        return (new DashboardScope(person!, round, offices, name), null);
    }

    /// <summary>The rounds to pick from: the latest whose window has started, its predecessors, and any round with reports.</summary>
    public async Task<IReadOnlyList<ReportingRound>> RoundsAsync(CancellationToken cancellationToken)
    {
        var latest = calendar.Latest();
        var ids = await db.Set<StatusReport>().AsNoTracking().Select(r => r.RoundId).Distinct().ToListAsync(cancellationToken);
        var rounds = ids.Select(calendar.Find).OfType<ReportingRound>().Append(latest).Append(calendar.Previous(latest));
        return rounds.DistinctBy(r => r.Id).OrderByDescending(r => r.DueDate).ToList();
    }

    /// <summary>The latest round that has reports (so a quiet new round does not hide the last one), else the latest.</summary>
    private async Task<ReportingRound> DefaultRoundAsync(CancellationToken cancellationToken)
    {
        var latest = calendar.Latest();
        var withReports = await db.Set<StatusReport>().AsNoTracking().Select(r => r.RoundId).Distinct().ToListAsync(cancellationToken);
        return withReports.Select(calendar.Find).OfType<ReportingRound>().Where(r => r.DueDate <= latest.DueDate)
            .OrderByDescending(r => r.DueDate).FirstOrDefault() ?? latest;
    }
}
