using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LhlBot.Conversations;
using LhlBot.Conversations.Dialogs;
using LhlBot.People;

namespace LhlBot.StatusReports;

/// <summary>
/// Status reporting as the router sees it: contacts report for their municipalities and see their own reports;
/// advisors see their office's summary, national users and administrators every office. Nobody else gets
/// anything – the menu shows only what the user may use, and every start checks the role again.
/// </summary>
internal sealed partial class StatusReportsFeature(
    RegistryLookup registry,
    ReportingCalendar calendar,
    StatusReportStore store,
    RoundSummaryBuilder summaries,
    Dashboard.DashboardLink dashboard,
    Microsoft.Extensions.Options.IOptions<StatusReportsOptions> options,
    Reminders.RoundReminderJob reminders,
    IProactiveReach reach,
    TurnOutbox outbox,
    Storage.LhlDbContext db) : IBotFeature
{
    public const string ReportAction = "status.report";
    public const string MineAction = "status.mine";
    public const string SummaryAction = "status.summary";
    public const string OpenAction = "status.open";
    public const string RemindAction = "status.remind";
    public const string SummaryTemplate = "status-summary";

    private static readonly string[] ReportWords = ["rapporter", "rapportere", "rapporter status", "statusrapport", "send statusrapport", "ny rapport", "rapportering"];
    private static readonly string[] MineWords = ["min rapport", "mine rapporter", "vår rapport", "se rapporten", "se rapporten vår"];

    public Task<IReadOnlyList<MenuItem>> MenuItemsAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var person = dc.User;
        var items = new List<MenuItem>();
        if (person.ContactFor().Count > 0)
        {
            items.Add(new("Rapporter status", "Send kommunens statusrapport for Leve hele livet til Statsforvalteren – hele rapporten på ett kort.", ReportAction));
            items.Add(new("Se rapporten vår", "Se hva kommunen sist rapporterte.", MineAction));
        }
        if (person.CanSeeSummaries())
        {
            items.Add(new("Statusoppsummering", person.IsNationalOrAdmin()
                ? "Oppsummering av rapporteringen for hele landet og per embete, klar til bruk."
                : "Oppsummering av rapporteringen for kommunene i ditt embete, klar til å sende Helsedirektoratet.", SummaryAction));
        }
        return Task.FromResult<IReadOnlyList<MenuItem>>(items);
    }

    public async Task<bool> TryStartAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var input = dc.Input;
        switch (input.Action)
        {
            case ReportAction:
                await StartReportAsync(dc, input.CardString("municipality"), cancellationToken);
                return true;
            case MineAction:
                await ShowMineAsync(dc, cancellationToken);
                return true;
            case SummaryAction:
                await ShowSummaryAsync(dc, input.CardString("round"), input.CardString("office"), cancellationToken);
                return true;
            case RemindAction:
                await RemindAsync(dc, (string?)input.CardValue?["municipality"], cancellationToken);
                return true;
            case OpenAction:
                await OpenAsync(dc, (string?)input.CardValue?["municipality"], (string?)input.CardValue?["round"], cancellationToken);
                return true;
        }
        if (input.CardValue is not null) return false;
        if (input.IsCommand(ReportWords))
        {
            await StartReportAsync(dc, null, cancellationToken);
            return true;
        }
        if (ReportForPattern().Match(input.Text) is { Success: true } reportFor)
        {
            await StartReportAsync(dc, reportFor.Groups["name"].Value, cancellationToken);
            return true;
        }
        if (OpenPattern().Match(input.Text) is { Success: true } open)
        {
            var rest = open.Groups["name"].Value.Trim();
            var round = RoundPattern().Match(rest);
            await OpenAsync(dc, (round.Success ? rest.Remove(round.Index, round.Length) : rest).Trim(' ', ',', '-'), round.Success ? round.Value : null, cancellationToken);
            return true;
        }
        if (input.IsCommand(MineWords))
        {
            await ShowMineAsync(dc, cancellationToken);
            return true;
        }
        if (SummaryPattern().Match(input.Text) is { Success: true } summary)
        {
            var rest = summary.Groups["rest"].Value.Trim();
            var round = RoundPattern().Match(rest);
            var office = (round.Success ? rest.Remove(round.Index, round.Length) : rest).Trim(' ', ',', '-');
            await ShowSummaryAsync(dc, round.Success ? round.Value : null, office.Length > 0 ? office : null, cancellationToken);
            return true;
        }
        return false;
    }

    private async Task StartReportAsync(DialogContext dc, string? typedMunicipality, CancellationToken cancellationToken)
    {
        var person = dc.User;
        var mine = person.ContactFor().Select(registry.ByNumber).OfType<MunicipalityEntry>().ToList();
        if (mine.Count == 0)
        {
            await dc.SendAsync(person.PendingClaims().Count > 0
                ? "Du har meldt deg som kontaktperson, men Statsforvalteren har ikke godkjent det ennå. Du får beskjed når det er gjort."
                : "Bare registrerte kontaktpersoner kan rapportere for en kommune. Skriv «registrer meg» for å melde deg som kontaktperson.", cancellationToken);
            return;
        }
        MunicipalityEntry? municipality = mine.Count == 1 && typedMunicipality is null ? mine[0] : null;
        if (typedMunicipality is not null)
        {
            var lookup = registry.FindMunicipality(typedMunicipality);
            municipality = lookup.Match ?? lookup.Candidates.FirstOrDefault(c => mine.Contains(c));
            if (municipality is null || !mine.Contains(municipality))
            {
                // Same answer whether it does not exist or belongs to someone else: no report is revealed.
                await dc.SendAsync($"Du kan bare rapportere for {string.Join(", ", mine.Select(m => m.UniqueName))}.", cancellationToken);
                return;
            }
        }
        if (municipality is null)
        {
            var text = "Hvilken kommune vil du rapportere for? Skriv kommunenavnet, for eksempel " + string.Join(" eller ", mine.Select(m => $"«{m.Name}»")) + ".";
            Conversations.Requests.PendingStep.ExpectMunicipality(dc, ReportAction, "municipality");
            await dc.SendAsync(text, cancellationToken);
            return;
        }

        var round = calendar.InForce();
        if (round is null)
        {
            var next = calendar.Next();
            await dc.SendAsync($"Ingen rapporteringsrunde er åpen nå. Neste runde er per {next.Title} og åpner {next.OpenFrom.ToString("d. MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("nb-NO"))}.", cancellationToken);
            return;
        }
        var current = await store.CurrentAsync(municipality.Number, round.Id, cancellationToken);
        var start = current ?? await store.StartingPointAsync(municipality.Number, round.Id, cancellationToken);
        await dc.BeginDialogAsync(StatusReportDialog.DialogId, new JsonObject
        {
            ["answers"] = start is null ? new JsonObject() : JsonNode.Parse(start.AnswersJson),
            ["context"] = StatusReportDialog.Context(municipality, round, current),
        }, cancellationToken);
    }

    private async Task ShowMineAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var person = dc.User;
        var mine = person.ContactFor().Select(registry.ByNumber).OfType<MunicipalityEntry>().ToList();
        if (mine.Count == 0)
        {
            await dc.SendAsync("Du er ikke registrert som kontaktperson for noen kommune, så det finnes ingen rapporter å vise deg.", cancellationToken);
            return;
        }
        foreach (var municipality in mine)
        {
            var history = await store.HistoryAsync(municipality.Number, cancellationToken);
            var latest = history.FirstOrDefault(r => r.IsCurrent);
            if (latest is null)
            {
                await dc.SendAsync($"{municipality.UniqueName} har ikke rapportert ennå. Skriv «rapporter status» for å begynne.", cancellationToken);
                continue;
            }
            await SendReportAsync(dc, municipality, latest, editable: true, cancellationToken);
        }
    }

    /// <summary>
    /// «Påminn» on an advisor's «ikke rapportert ennå» list: the municipality's contacts are reminded once the turn is
    /// committed (once a day each), and the advisor is told honestly who can be reached in Teams.
    /// </summary>
    private async Task RemindAsync(DialogContext dc, string? number, CancellationToken cancellationToken)
    {
        var municipality = number is null ? null : registry.ByNumber(number);
        if (municipality is null || !dc.User.AdvisesOffices().Contains(municipality.OfficeId) && !dc.User.Has(Role.Administrator))
        {
            await dc.SendAsync("Du kan bare minne kommuner i ditt eget embete om rapporten.", cancellationToken);
            return;
        }
        var round = calendar.InForce();
        if (round is null)
        {
            await dc.SendAsync("Ingen rapporteringsrunde er åpen nå, så det er ingenting å minne om.", cancellationToken);
            return;
        }
        if (await store.CurrentAsync(municipality.Number, round.Id, cancellationToken) is not null)
        {
            await dc.SendAsync($"{municipality.UniqueName} har allerede rapportert i runden per {round.Title}.", cancellationToken);
            return;
        }
        var contacts = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Set<Person>().Where(p => p.Roles.Any(r => r.Role == Role.MunicipalityContact && r.Approved && r.MunicipalityNumber == municipality.Number)), cancellationToken);
        if (contacts.Count == 0)
        {
            await dc.SendAsync($"{municipality.UniqueName} har ingen registrert kontaktperson. Importer en med «importer», eller ta kontakt med kommunen direkte.", cancellationToken);
            return;
        }
        outbox.AfterCommit(ct => reminders.RemindNowAsync(municipality.Number, ct));
        var told = contacts.Where(c => reach.RouteOf(c) != ReachRoute.None).Select(c => c.Name).ToList();
        var notTold = contacts.Where(c => reach.RouteOf(c) == ReachRoute.None).Select(c => c.Email is null ? c.Name : $"{c.Name} ({c.Email})").ToList();
        await dc.SendAsync((told.Count > 0 ? $"Jeg minner {string.Join(" og ", told)} om rapporten for {municipality.UniqueName} i Teams nå." : "")
            + (notTold.Count > 0 ? $" {string.Join(" og ", notTold)} kan ikke nås i Teams (har ikke snakket med boten) – send en e-post." : ""), cancellationToken);
    }

    /// <summary>A municipality's report opened from the summary: for whoever may read that municipality (its contacts, its office, Hdir).</summary>
    private async Task OpenAsync(DialogContext dc, string? typed, string? roundId, CancellationToken cancellationToken)
    {
        var person = dc.User;
        var lookup = registry.FindMunicipality(typed ?? "");
        if (!lookup.Found)
        {
            await dc.SendAsync(string.IsNullOrWhiteSpace(typed) ? "Velg kommunen på kortet, eller skriv «vis rapporten for Bodø»." : RegistryLookup.Explain(typed, lookup), cancellationToken);
            return;
        }
        var municipality = lookup.Match!;
        if (!person.CanReadMunicipality(municipality.Number, municipality.OfficeId))
        {
            await dc.SendAsync($"Du har ikke tilgang til rapportene fra {municipality.UniqueName}. Statsforvalteren i {municipality.OfficeName} og Helsedirektoratet ser dem.", cancellationToken);
            return;
        }
        var history = await store.HistoryAsync(municipality.Number, cancellationToken);
        var report = roundId is null ? history.FirstOrDefault(r => r.IsCurrent) : history.FirstOrDefault(r => r.IsCurrent && r.RoundId == roundId);
        if (report is null)
        {
            await dc.SendAsync($"{municipality.UniqueName} har ikke rapportert{(roundId is null ? "" : $" i runden per {calendar.Find(roundId)?.Title ?? roundId}")}.", cancellationToken);
            return;
        }
        await SendReportAsync(dc, municipality, report, editable: person.CanWriteReport(municipality.Number), cancellationToken);
    }

    private async Task SendReportAsync(DialogContext dc, MunicipalityEntry municipality, StatusReport latest, bool editable, CancellationToken cancellationToken)
    {
        var form = StatusReportForm.Build(calendar.Today);
        {
            var answers = JsonNode.Parse(latest.AnswersJson)!.AsObject();
            var round = calendar.Find(latest.RoundId);
            var heading = $"{municipality.UniqueName} – rapport per {round?.Title ?? latest.RoundId} (versjon {latest.Version}, sendt av {latest.SubmittedByName})";
            var facts = form.Visible(answers).Where(f => answers[f.Prompt.Id] is not null).Select(f => (f.Prompt.Question, f.Prompt.Display(answers[f.Prompt.Id]))).ToList();
            var text = new StringBuilder("**").Append(heading).AppendLine("**");
            foreach (var (q, a) in facts) text.Append("- ").Append(q).Append(": ").AppendLine(a);
            var notes = new JsonArray();
            if (options.Value.StyringsdataFor(municipality.Number) is { } url)
            {
                notes.Add($"[Styringsdata for {municipality.Name} på ressursportal.no]({url})");
                text.Append("Styringsdata: ").AppendLine(url);
            }
            await dc.SendCardAsync(StatusReportDialog.ReceiptTemplate, new JsonObject
            {
                ["heading"] = heading,
                ["notes"] = notes,
                ["facts"] = new JsonArray(facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Question, ["value"] = f.Item2 }).ToArray()),
                ["actions"] = editable
                    ? new JsonArray(new JsonObject { ["title"] = "Rett eller send ny rapport", ["data"] = new JsonObject { ["action"] = ReportAction, ["municipality"] = municipality.Number } })
                    : new JsonArray(),
            }, text.ToString().TrimEnd(), cancellationToken);
        }
    }

    private async Task ShowSummaryAsync(DialogContext dc, string? roundId, string? officeName, CancellationToken cancellationToken)
    {
        var person = dc.User;
        if (!person.CanSeeSummaries())
        {
            await dc.SendAsync(person.ContactFor().Count > 0
                ? "Oppsummeringen er for støtteapparatet. Skriv «se rapporten vår» for å se kommunens egen rapport."
                : "Oppsummeringen er bare for det regionale støtteapparatet og Helsedirektoratet.", cancellationToken);
            return;
        }
        var round = roundId is null ? calendar.Latest() : calendar.Find(roundId);
        if (round is null)
        {
            await dc.SendAsync($"Finner ingen rapporteringsrunde «{roundId}». Skriv for eksempel «oppsummering 2021-11».", cancellationToken);
            return;
        }
        var visible = person.VisibleOffices();
        IReadOnlyList<int>? offices = visible;
        if (officeName is not null)
        {
            var office = registry.FindOffice(officeName);
            if (!office.Found)
            {
                await dc.SendAsync($"Finner ikke embetet «{officeName}». Skriv for eksempel «oppsummering Nordland».", cancellationToken);
                return;
            }
            if (visible is not null && !visible.Contains(office.Match!.Id))
            {
                await dc.SendAsync($"Du kan bare se oppsummeringen for {string.Join(", ", visible.Select(id => registry.OfficeById(id)?.DisplayName))}.", cancellationToken);
                return;
            }
            offices = [office.Match!.Id];
        }
        var summary = await summaries.BuildAsync(round, offices, cancellationToken);
        var card = SummaryText.CardData(summary, m => options.Value.StyringsdataFor(m.Number));
        var link = dashboard.For(dc.Context.Activity.ChannelId, round.Id, offices is [var one] ? registry.OfficeById(one)?.Name : null);
        card["dashboardUrl"] = link;
        await dc.SendCardAsync(SummaryTemplate, card, SummaryText.AsText(summary) + $"\n\nSe oversikten med grafer og kommunene bak tallene: {link}", cancellationToken);
    }

    [GeneratedRegex(@"^\s*(rapporter|rapportere|statusrapport)\s+(status\s+)?(for|i)\s+(?<name>.+?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ReportForPattern();

    [GeneratedRegex(@"^\s*(status)?oppsummering(en)?\b(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex SummaryPattern();

    [GeneratedRegex(@"^\s*(vis|åpne|apne|se)\s+(rapporten|rapport)\s+(for|fra|til)\s+(?<name>.+?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex OpenPattern();

    [GeneratedRegex(@"\b\d{4}-\d{2}\b")]
    private static partial Regex RoundPattern();
}
