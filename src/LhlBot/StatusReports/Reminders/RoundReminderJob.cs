using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.RateLimiting;
using LhlBot.People;
using LhlBot.Protocol;
using LhlBot.Protocol.Cards;
using LhlBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LhlBot.StatusReports.Reminders;

/// <summary>
/// Round reminders: before the deadline of the round in force, every contact of a municipality that has not
/// reported gets one reminder per step (<see cref="RoundReminderOptions.DaysBefore"/>) with a button that opens the
/// form pre-filled from the last report; on <see cref="RoundReminderOptions.DigestDay"/> Statsforvalteren's advisors
/// get the office's «ikke rapportert ennå» list with «Påminn» per municipality. Rows are planned under a unique index
/// and claimed with a conditional update before sending, so each goes out once across restarts and instances;
/// a report that comes in stops its municipality's reminders. Sends are paced (Teams: 50 per second per app and
/// tenant) and the connector retries 429/412/502/503/504 with backoff.
/// </summary>
internal sealed class RoundReminderJob(
    IServiceScopeFactory scopes,
    IProactiveReach reach,
    CardTemplateLibrary cards,
    ReportingCalendar calendar,
    RegistryLookup registry,
    IOptions<RoundReminderOptions> options,
    TimeProvider clock,
    ILogger<RoundReminderJob> logger)
{
    public const string Template = "status-reminder";
    private static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");

    /// <returns>How many reminders this run sent.</returns>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var round = calendar.InForce();
        if (round is null) return 0;
        var today = calendar.Today;
        var step = options.Value.DaysBefore.Where(d => d >= 0 && today >= round.Deadline.AddDays(-d) && today <= round.Deadline)
            .Order().Select(d => $"d{d}").FirstOrDefault(); // only the latest step due: a bot that was down does not send three at once
        if (step is not null) await PlanContactsAsync(round, step, null, cancellationToken);
        if (today.DayOfWeek == options.Value.DigestDay) await PlanDigestsAsync(round, cancellationToken);
        return await SendDueAsync(round, cancellationToken);
    }

    /// <summary>An advisor's «Påminn»: the municipality's contacts are reminded now (once a day per contact).</summary>
    public async Task<int> RemindNowAsync(string municipalityNumber, CancellationToken cancellationToken)
    {
        var round = calendar.InForce();
        if (round is null) return 0;
        await PlanContactsAsync(round, $"manuell:{calendar.Today:yyyy-MM-dd}", municipalityNumber, cancellationToken);
        return await SendDueAsync(round, cancellationToken);
    }

    private async Task PlanContactsAsync(ReportingRound round, string step, string? only, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LhlDbContext>();
        var reported = await ReportedAsync(db, round, cancellationToken);
        var contacts = await db.Set<RoleAssignment>().AsNoTracking()
            .Where(r => r.Role == Role.MunicipalityContact && r.Approved && r.MunicipalityNumber != null && (only == null || r.MunicipalityNumber == only))
            .Select(r => new { r.PersonId, Municipality = r.MunicipalityNumber! }).ToListAsync(cancellationToken);
        var wanted = contacts.Where(c => !reported.Contains(c.Municipality)).Select(c => (c.PersonId, c.Municipality)).Distinct();
        await PlanAsync(db, round, step, wanted, cancellationToken);
    }

    private async Task PlanDigestsAsync(ReportingRound round, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LhlDbContext>();
        var week = ISOWeek.GetWeekOfYear(calendar.Today.ToDateTime(TimeOnly.MinValue));
        var step = $"uke:{ISOWeek.GetYear(calendar.Today.ToDateTime(TimeOnly.MinValue))}-W{week:D2}";
        var advisors = await db.Set<RoleAssignment>().AsNoTracking()
            .Where(r => r.Role == Role.Advisor && r.Approved && r.Organisation == Organisation.Statsforvalteren && r.OfficeId != null)
            .Select(r => r.PersonId).Distinct().ToListAsync(cancellationToken);
        await PlanAsync(db, round, step, advisors.Select(id => (id, "")), cancellationToken);
    }

    /// <summary>Adds the rows not planned yet; another instance planning the same rows meanwhile is no error.</summary>
    private async Task PlanAsync(LhlDbContext db, ReportingRound round, string step, IEnumerable<(int PersonId, string Municipality)> wanted, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var existing = (await db.Set<RoundReminder>().AsNoTracking().Where(r => r.RoundId == round.Id && r.Step == step)
                .Select(r => new { r.PersonId, r.MunicipalityNumber }).ToListAsync(cancellationToken)).Select(r => (r.PersonId, r.MunicipalityNumber)).ToHashSet();
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var (person, municipality) in wanted.Where(w => !existing.Contains(w)))
            {
                db.Add(new RoundReminder { RoundId = round.Id, Step = step, PersonId = person, MunicipalityNumber = municipality, CreatedUtc = now });
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear(); // the unique index: someone planned some of them first; read again
            }
        }
    }

    private async Task<int> SendDueAsync(ReportingRound round, CancellationToken cancellationToken)
    {
        List<long> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LhlDbContext>();
            due = await db.Set<RoundReminder>().Where(r => r.RoundId == round.Id && r.ClaimedUtc == null).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken);
        }
        if (due.Count == 0) return 0;
        using var pace = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, options.Value.MessagesPerSecond),
            TokensPerPeriod = Math.Max(1, options.Value.MessagesPerSecond),
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = int.MaxValue,
            AutoReplenishment = true,
        });
        var sent = 0;
        foreach (var id in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LhlDbContext>();
            var claimedAt = clock.GetUtcNow().UtcDateTime;
            var claimed = await db.Set<RoundReminder>().Where(r => r.Id == id && r.ClaimedUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimedUtc, claimedAt), cancellationToken);
            if (claimed != 1) continue; // another instance has it
            var row = await db.Set<RoundReminder>().SingleAsync(r => r.Id == id, cancellationToken);
            var person = await db.Set<Person>().Include(p => p.Roles).FirstOrDefaultAsync(p => p.Id == row.PersonId, cancellationToken);
            Activity? activity = null;
            if (person is null) row.Outcome = ReminderOutcome.Failed;
            else if (row.MunicipalityNumber.Length > 0 && (await ReportedAsync(db, round, cancellationToken)).Contains(row.MunicipalityNumber)) row.Outcome = ReminderOutcome.Reported;
            else activity = row.MunicipalityNumber.Length > 0 ? Reminder(round, row.MunicipalityNumber) : await DigestAsync(db, round, person, cancellationToken);

            if (activity is not null && person is not null)
            {
                using var lease = await pace.AcquireAsync(1, cancellationToken);
                try
                {
                    row.Outcome = await reach.SendAsync(person, activity, cancellationToken) ? ReminderOutcome.Sent : ReminderOutcome.Unreachable;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Round reminder {Id} to person {PersonId} failed.", row.Id, row.PersonId);
                    row.Outcome = ReminderOutcome.Failed;
                }
                if (row.Outcome == ReminderOutcome.Sent) sent++;
            }
            else if (row.Outcome == ReminderOutcome.Pending)
            {
                row.Outcome = ReminderOutcome.Reported; // an advisor's list with nothing left on it
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        if (sent > 0) logger.LogInformation("Sent {Count} round reminders for {Round}.", sent, round.Id);
        return sent;
    }

    private static async Task<HashSet<string>> ReportedAsync(LhlDbContext db, ReportingRound round, CancellationToken cancellationToken) =>
        (await db.Set<StatusReport>().Where(r => r.RoundId == round.Id && r.IsCurrent).Select(r => r.MunicipalityNumber).ToListAsync(cancellationToken)).ToHashSet();

    private Activity Reminder(ReportingRound round, string number)
    {
        var name = registry.ByNumber(number)?.UniqueName ?? number;
        var deadline = round.Deadline.ToString("d. MMMM yyyy", Norwegian);
        var days = round.Deadline.DayNumber - calendar.Today.DayNumber;
        var heading = $"Påminnelse: statusrapporten for {name} per {round.Title}";
        var text = $"{name} har ikke sendt statusrapporten for Leve hele livet ennå. Fristen er {deadline}{(days == 0 ? " – i dag" : days == 1 ? " – i morgen" : $", om {days} dager")}. Skjemaet er fylt inn fra forrige rapport, så du trenger bare å rette det som har endret seg.";
        var activity = MessageFactory.Attachment(cards.Render(Template, new JsonObject
        {
            ["heading"] = heading,
            ["text"] = text,
            ["items"] = new JsonArray(),
            ["actions"] = new JsonArray(new JsonObject { ["title"] = "Rapporter status", ["data"] = new JsonObject { ["action"] = StatusReportsFeature.ReportAction, ["municipality"] = number } }),
        }));
        activity.Text = heading;
        return activity;
    }

    /// <summary>The advisor's weekly list: the offices' municipalities that have not reported, each with «Påminn»; null when all have.</summary>
    private async Task<Activity?> DigestAsync(LhlDbContext db, ReportingRound round, Person advisor, CancellationToken cancellationToken)
    {
        var offices = advisor.InForce().Where(r => r.Role == Role.Advisor && r.Organisation == Organisation.Statsforvalteren && r.OfficeId != null).Select(r => r.OfficeId!.Value).ToHashSet();
        var reported = await ReportedAsync(db, round, cancellationToken);
        var missing = registry.Municipalities.Where(m => offices.Contains(m.OfficeId) && !reported.Contains(m.Number)).ToList();
        if (missing.Count == 0) return null;
        var unreachable = (await db.Set<RoundReminder>().AsNoTracking().Where(r => r.RoundId == round.Id && r.Outcome == ReminderOutcome.Unreachable)
            .Select(r => r.MunicipalityNumber).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var heading = $"Ikke rapportert ennå: {SummaryText.Kommuner(missing.Count)} (runden per {round.Title}, frist {round.Deadline.ToString("d. MMMM", Norwegian)})";
        var activity = MessageFactory.Attachment(cards.Render(Template, new JsonObject
        {
            ["heading"] = heading,
            ["text"] = "Trykk «Påminn» for å minne kommunens kontaktpersoner på rapporten nå." + (unreachable.Count > 0 ? " Merket ⚠️: kontaktpersonen kan ikke nås i Teams (har ikke snakket med boten) – ta kontakt på e-post." : ""),
            ["items"] = new JsonArray(missing.Select(m => (JsonNode)new JsonObject
            {
                ["text"] = (unreachable.Contains(m.Number) ? "⚠️ " : "") + m.UniqueName,
                ["data"] = new JsonObject { ["action"] = StatusReportsFeature.RemindAction, ["municipality"] = m.Number },
            }).ToArray()),
            ["actions"] = new JsonArray(),
        }));
        activity.Text = heading;
        return activity;
    }
}

/// <summary>Runs <see cref="RoundReminderJob"/> every <see cref="RoundReminderOptions.IntervalMinutes"/> minutes while the bot serves.</summary>
internal sealed class RoundReminderService(RoundReminderJob job, IOptions<RoundReminderOptions> options, ILogger<RoundReminderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = options.Value.IntervalMinutes;
        if (minutes <= 0) return;
        // The first run comes one interval after start, so a restart loop never becomes a reminder loop.
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await job.RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The round reminder run failed; trying again in {Minutes} minutes.", minutes);
            }
        }
    }
}
