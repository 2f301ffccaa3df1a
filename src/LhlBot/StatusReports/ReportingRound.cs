using System.Globalization;
using Microsoft.Extensions.Options;

namespace LhlBot.StatusReports;

/// <summary>The "StatusReports" section: when rounds fall due and how long they are open.</summary>
internal sealed class StatusReportsOptions
{
    /// <summary>Due dates of the yearly rounds as "MM-dd" (Hdir: per 1 May and per 1 November).</summary>
    public List<string> DueDates { get; set; } = [];

    /// <summary>A round opens this many weeks before its due date.</summary>
    public int OpenWeeksBefore { get; set; } = 4;

    /// <summary>A round takes reports until this many days after its due date (the offices then sum up for Hdir).</summary>
    public int DeadlineDaysAfter { get; set; } = 14;

    /// <summary>
    /// A municipality's styringsdata page on ressursportal.no, linked beside it in the summaries; «{number}» is replaced
    /// by the four-digit kommunenummer. Empty: no links.
    /// </summary>
    public string StyringsdataUrl { get; set; } = "https://www.ressursportal.no/styringsdata?kommune={number}";

    public string? StyringsdataFor(string municipalityNumber) =>
        string.IsNullOrWhiteSpace(StyringsdataUrl) ? null : StyringsdataUrl.Replace("{number}", Uri.EscapeDataString(municipalityNumber), StringComparison.Ordinal);

    public IReadOnlyList<(int Month, int Day)> ParsedDueDates()
    {
        var dates = DueDates.Count == 0 ? ["05-01", "11-01"] : DueDates;
        return dates.Select(d => DateOnly.ParseExact("2000-" + d.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Select(d => (d.Month, d.Day)).Distinct().OrderBy(d => d).ToList();
    }
}

/// <summary>
/// A reporting round, named by the year and month it is due ("2021-11" is "per 1. november 2021").
/// Municipalities report while it is open, from <see cref="OpenFrom"/> to <see cref="Deadline"/> inclusive.
/// </summary>
internal sealed record ReportingRound(string Id, DateOnly DueDate, DateOnly OpenFrom, DateOnly Deadline)
{
    private static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");

    /// <summary>"1. november 2021", as Hdir writes it.</summary>
    public string Title => DueDate.ToString("d. MMMM yyyy", Norwegian);

    public bool IsOpen(DateOnly today) => today >= OpenFrom && today <= Deadline;
}

/// <summary>The calendar of rounds, from the options; the only place that knows which round is in force.</summary>
internal sealed class ReportingCalendar(IOptions<StatusReportsOptions> options, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>The round with this due date (any day of the due month is taken as that month's round).</summary>
    public ReportingRound? Find(string id)
    {
        if (!DateOnly.TryParseExact(id.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)) return null;
        var due = options.Value.ParsedDueDates().FirstOrDefault(d => d.Month == month.Month);
        return due == default ? null : Round(new DateOnly(month.Year, due.Month, due.Day));
    }

    /// <summary>The open round whose deadline comes first; null between rounds.</summary>
    public ReportingRound? InForce() => Around(Today).Where(r => r.IsOpen(Today)).OrderBy(r => r.Deadline).FirstOrDefault();

    /// <summary>The next round to open after today (for "the next round opens …").</summary>
    public ReportingRound Next() => Around(Today).Where(r => r.OpenFrom > Today).OrderBy(r => r.OpenFrom).First();

    /// <summary>The latest round whose window has started: what a summary shows by default.</summary>
    public ReportingRound Latest() => Around(Today).Where(r => r.OpenFrom <= Today).OrderByDescending(r => r.DueDate).First();

    public ReportingRound Previous(ReportingRound round)
    {
        var dates = options.Value.ParsedDueDates();
        for (var year = round.DueDate.Year; ; year--)
        {
            var earlier = dates.Select(d => new DateOnly(year, d.Month, d.Day)).Where(d => d < round.DueDate).OrderDescending().ToList();
            if (earlier.Count > 0) return Round(earlier[0]);
        }
    }

    private IEnumerable<ReportingRound> Around(DateOnly day) =>
        Enumerable.Range(day.Year - 1, 3)
            .SelectMany(year => options.Value.ParsedDueDates().Select(d => Round(new DateOnly(year, d.Month, d.Day))));

    private ReportingRound Round(DateOnly due) => new(
        due.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        due,
        due.AddDays(-7 * options.Value.OpenWeeksBefore),
        due.AddDays(options.Value.DeadlineDaysAfter));
}
