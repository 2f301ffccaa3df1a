using System.Text.Json.Nodes;
using LhlBot.Conversations.Prompts;
using LhlBot.People;
using LhlBot.Storage;
using Microsoft.EntityFrameworkCore;
using LhlBot.Reform;

namespace LhlBot.StatusReports;

/// <summary>The counts Hdir asks for, over a set of municipalities in one round.</summary>
internal sealed class Figures
{
    public int Municipalities { get; init; }
    public int Reported { get; init; }
    public required IReadOnlyDictionary<string, int> PlanStatus { get; init; }
    public required IReadOnlyDictionary<string, int> DelayReasons { get; init; }
    public required IReadOnlyDictionary<string, int> Networks { get; init; }
    public required IReadOnlyDictionary<string, int> Phases { get; init; }
    public required IReadOnlyDictionary<string, int> FocusAreas { get; init; }
    public required IReadOnlyDictionary<string, int> Involvement { get; init; }
    public int WantHelp { get; init; }
    /// <summary>Said "in process towards a decision this year" last round and report "delayed" now.</summary>
    public int NewlyDelayed { get; init; }
    public required IReadOnlyList<MunicipalityEntry> NotReported { get; init; }

    /// <summary>The municipalities behind each count, by <see cref="Key"/> (question and answer value).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<MunicipalityEntry>> Behind { get; init; }

    /// <summary>Offered a dialogue meeting (a joint meeting with Statsforvalteren, KS and USHT booked in the period, held or not).</summary>
    public IReadOnlyList<MunicipalityEntry> DialogueOffered { get; init; } = [];

    /// <summary>Held a dialogue meeting: a joint meeting in the period that was not cancelled and has ended.</summary>
    public IReadOnlyList<MunicipalityEntry> DialogueHeld { get; init; } = [];

    /// <summary>Invited to a learning network: those taking part, and those who say they have been invited.</summary>
    public IReadOnlyList<MunicipalityEntry> NetworkInvited { get; init; } = [];

    public IReadOnlyList<MunicipalityEntry> Who(string question, string value) => Behind.GetValueOrDefault(Key(question, value)) ?? [];

    public static string Key(string question, string value) => question + "/" + value;

    /// <summary>Hdir's headline figure: adopted, or in process towards a decision this year.</summary>
    public int AdoptedOrWillAdopt => Count(PlanStatus, StatusReports.PlanStatus.Adopted) + Count(PlanStatus, StatusReports.PlanStatus.InProcess);

    public int InImplementation => Count(Phases, ReformPhase.Implementation);

    public static int Count(IReadOnlyDictionary<string, int> counts, string value) => counts.GetValueOrDefault(value);
}

/// <summary>A round's summary for one office or the whole country, with the previous round to compare.</summary>
internal sealed record RoundSummary(
    ReportingRound Round,
    ReportingRound PreviousRound,
    string Scope,
    Figures Now,
    Figures Before,
    IReadOnlyList<(OfficeEntry Office, Figures Now, Figures Before)> PerOffice);

/// <summary>A municipality's current report in a round, with the answers read back from JSON.</summary>
internal sealed record ReportRow(MunicipalityEntry Municipality, StatusReport? Report, JsonObject Answers);

/// <summary>
/// Counts the current reports of a round the way Helsedirektoratet's note does: over every municipality in the
/// scope (so those that have not reported count in the denominator), and against the previous round.
/// </summary>
internal sealed class RoundSummaryBuilder(LhlDbContext db, RegistryLookup registry, ReportingCalendar calendar, TimeProvider clock)
{
    /// <param name="offices">The offices to include; null for the whole country.</param>
    public async Task<RoundSummary> BuildAsync(ReportingRound round, IReadOnlyList<int>? offices, CancellationToken cancellationToken)
    {
        var previous = calendar.Previous(round);
        var now = await RowsAsync(round, offices, cancellationToken);
        var before = await RowsAsync(previous, offices, cancellationToken);
        var beforeByNumber = before.ToDictionary(r => r.Municipality.Number);
        var meetings = await DialogueMeetingsAsync(previous, round, cancellationToken);

        var officesIn = registry.Offices.Where(o => offices is null || offices.Contains(o.Id)).ToList();
        var perOffice = officesIn.Count <= 1 ? [] : officesIn
            .Select(o => (o, Count(now.Where(r => r.Municipality.OfficeId == o.Id).ToList(), beforeByNumber, meetings),
                Count(before.Where(r => r.Municipality.OfficeId == o.Id).ToList(), null, null)))
            .ToList();
        var scope = officesIn.Count == 1 ? officesIn[0].DisplayName
            : offices is null ? "hele landet" : string.Join(", ", officesIn.Select(o => o.DisplayName));
        return new RoundSummary(round, previous, scope, Count(now, beforeByNumber, meetings), Count(before, null, null), perOffice);
    }

    /// <summary>One row per municipality in scope, with its current report in the round (or none).</summary>
    public async Task<IReadOnlyList<ReportRow>> RowsAsync(ReportingRound round, IReadOnlyList<int>? offices, CancellationToken cancellationToken)
    {
        var municipalities = registry.Municipalities.Where(m => offices is null || offices.Contains(m.OfficeId)).ToList();
        var reports = await db.Set<StatusReport>().AsNoTracking()
            .Where(r => r.RoundId == round.Id && r.IsCurrent)
            .ToDictionaryAsync(r => r.MunicipalityNumber, cancellationToken);
        return municipalities
            .Select(m => reports.TryGetValue(m.Number, out var report)
                ? new ReportRow(m, report, JsonNode.Parse(report.AnswersJson) as JsonObject ?? [])
                : new ReportRow(m, null, []))
            .ToList();
    }

    /// <summary>
    /// Dialogue meetings (joint meetings with Statsforvalteren, KS and USHT, as Hdir's 2019 letter asks them counted)
    /// booked from the day after the previous round's deadline to this round's deadline: (municipality, held).
    /// </summary>
    private async Task<List<(string Municipality, bool Held)>> DialogueMeetingsAsync(ReportingRound previous, ReportingRound round, CancellationToken cancellationToken)
    {
        var from = previous.Deadline.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var to = round.Deadline.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var now = clock.GetUtcNow().UtcDateTime;
        var meetings = await db.Set<Bookings.Booking>().AsNoTracking()
            .Where(b => b.With == Bookings.MeetingWith.Joint && b.StartUtc >= from && b.StartUtc < to)
            .Select(b => new { b.MunicipalityNumber, b.Status, b.EndUtc }).ToListAsync(cancellationToken);
        return meetings.Select(b => (b.MunicipalityNumber, b.Status == Bookings.BookingStatus.Booked && b.EndUtc <= now)).ToList();
    }

    private static Figures Count(IReadOnlyList<ReportRow> rows, IReadOnlyDictionary<string, ReportRow>? before, List<(string Municipality, bool Held)>? meetings)
    {
        var reported = rows.Where(r => r.Report is not null).Select(r => r.Answers).ToList();
        var reportedRows = rows.Where(r => r.Report is not null).ToList();
        var behind = new Dictionary<string, IReadOnlyList<MunicipalityEntry>>();
        void Behind(string question, IEnumerable<Choice> choices, bool multi)
        {
            foreach (var choice in choices)
            {
                behind[Figures.Key(question, choice.Value)] = reportedRows.Where(r => multi
                    ? r.Answers[question] is JsonArray values && values.Any(v => (string?)v == choice.Value)
                    : (string?)r.Answers[question] == choice.Value).Select(r => r.Municipality).ToList();
            }
        }
        Behind(StatusReportForm.PlanStatusId, PlanStatus.Choices, false);
        Behind(StatusReportForm.DelayReasonsId, DelayReason.Choices, true);
        Behind(StatusReportForm.NetworkId, NetworkParticipation.Choices, false);
        Behind(StatusReportForm.PhaseId, ReformPhase.Choices, false);
        Behind(StatusReportForm.FocusAreasId, FocusArea.Choices, true);
        Behind(StatusReportForm.InvolvementId, StatusReports.Involvement.Choices, true);
        behind[Figures.Key(StatusReportForm.HelpWantedId, "")] = reportedRows.Where(r => !string.IsNullOrWhiteSpace((string?)r.Answers[StatusReportForm.HelpWantedId])).Select(r => r.Municipality).ToList();
        var inScope = rows.ToDictionary(r => r.Municipality.Number, r => r.Municipality);
        IReadOnlyList<MunicipalityEntry> Meetings(bool heldOnly) => meetings is null ? [] :
            meetings.Where(m => !heldOnly || m.Held).Select(m => m.Municipality).Distinct()
                .Select(n => inScope.GetValueOrDefault(n)).OfType<MunicipalityEntry>().OrderBy(m => m.Name).ToList();
        return new Figures
        {
            Municipalities = rows.Count,
            Reported = reported.Count,
            PlanStatus = Single(reported, StatusReportForm.PlanStatusId, PlanStatus.Choices),
            DelayReasons = Multi(reported.Where(a => (string?)a[StatusReportForm.PlanStatusId] == PlanStatus.Delayed), StatusReportForm.DelayReasonsId, DelayReason.Choices),
            Networks = Single(reported, StatusReportForm.NetworkId, NetworkParticipation.Choices),
            Phases = Single(reported, StatusReportForm.PhaseId, ReformPhase.Choices),
            FocusAreas = Multi(reported, StatusReportForm.FocusAreasId, FocusArea.Choices),
            Involvement = Multi(reported, StatusReportForm.InvolvementId, StatusReports.Involvement.Choices),
            WantHelp = reported.Count(a => !string.IsNullOrWhiteSpace((string?)a[StatusReportForm.HelpWantedId])),
            NewlyDelayed = before is null ? 0 : rows.Count(r =>
                (string?)r.Answers[StatusReportForm.PlanStatusId] == PlanStatus.Delayed
                && before.TryGetValue(r.Municipality.Number, out var earlier)
                && (string?)earlier.Answers[StatusReportForm.PlanStatusId] == PlanStatus.InProcess),
            NotReported = rows.Where(r => r.Report is null).Select(r => r.Municipality).ToList(),
            Behind = behind,
            DialogueOffered = Meetings(heldOnly: false),
            DialogueHeld = Meetings(heldOnly: true),
            NetworkInvited = reportedRows.Where(r => (string?)r.Answers[StatusReportForm.NetworkId] == NetworkParticipation.TakesPart
                || (string?)r.Answers[StatusReportForm.NetworkInvitedId] == StatusReportForm.ContactYes).Select(r => r.Municipality).ToList(),
        };
    }

    private static Dictionary<string, int> Single(IEnumerable<JsonObject> answers, string id, IReadOnlyList<Choice> choices)
    {
        var counts = choices.ToDictionary(c => c.Value, _ => 0);
        foreach (var a in answers)
        {
            if ((string?)a[id] is { } value && counts.ContainsKey(value)) counts[value]++;
        }
        return counts;
    }

    private static Dictionary<string, int> Multi(IEnumerable<JsonObject> answers, string id, IReadOnlyList<Choice> choices)
    {
        var counts = choices.ToDictionary(c => c.Value, _ => 0);
        foreach (var a in answers)
        {
            if (a[id] is not JsonArray values) continue;
            foreach (var value in values.Select(v => (string?)v).Distinct())
            {
                if (value is not null && counts.ContainsKey(value)) counts[value]++;
            }
        }
        return counts;
    }
}
