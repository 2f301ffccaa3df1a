using LhlBot.Bookings.Holidays;
using LhlBot.People;
using NodaTime;

namespace LhlBot.Bookings.Slots;

/// <summary>One advisor's calendar as the slot finder needs it: weekly windows, absences and occupied cells.</summary>
internal sealed record AdvisorCalendar(
    int PersonId,
    string Name,
    Organisation Organisation,
    IReadOnlyList<(DayOfWeek Day, TimeOnly From, TimeOnly To)> Windows,
    IReadOnlyList<(DateTime FromUtc, DateTime ToUtc)> Absences,
    IReadOnlySet<DateTime> ClaimedCellsUtc);

/// <summary>A free time: its start and end (UTC), and the advisors (one per organisation asked for) who would meet.</summary>
internal sealed record Slot(DateTime StartUtc, DateTime EndUtc, IReadOnlyList<AdvisorCalendar> Advisors);

/// <summary>The rules a slot must satisfy, from <see cref="BookingOptions"/>.</summary>
internal sealed record SlotRules(int MeetingMinutes, int BufferMinutes, int StepMinutes, int NoticeWorkingDays, int HorizonWeeks)
{
    public static SlotRules From(BookingOptions options) => new(
        options.MeetingMinutes, options.BufferMinutes, options.SlotStepMinutes, options.MinimumNoticeWorkingDays, options.HorizonWeeks);
}

/// <summary>
/// Finds free meeting times, in Europe/Oslo local time (NodaTime's tzdb, so DST is right on any OS):
/// start times on the step grid inside a weekly window of the advisor, the whole meeting inside the window,
/// not on a public holiday, not in an absence, no occupied cell in the meeting plus buffer, from the notice
/// date to the horizon. A joint meeting needs one free advisor from every organisation group at the same time.
/// </summary>
internal static class SlotFinder
{
    public static readonly DateTimeZone Oslo = DateTimeZoneProviders.Tzdb[BookingOptions.TimeZoneId];

    /// <summary>Today's date in Oslo.</summary>
    public static DateOnly Today(DateTimeOffset now) => ToDateOnly(Instant.FromDateTimeOffset(now).InZone(Oslo).Date);

    /// <summary>The first day that can be booked: the Nth working day after today.</summary>
    public static DateOnly FirstBookableDay(DateTimeOffset now, SlotRules rules) =>
        NorwegianHolidays.AddWorkingDays(Today(now), rules.NoticeWorkingDays);

    public static DateOnly LastBookableDay(DateTimeOffset now, SlotRules rules) => Today(now).AddDays(7 * rules.HorizonWeeks);

    /// <param name="groups">One list per organisation that must take part; each needs one free advisor.</param>
    /// <param name="from">Optional first date the user asked for.</param>
    public static IEnumerable<Slot> Find(IReadOnlyList<IReadOnlyList<AdvisorCalendar>> groups, SlotRules rules, DateTimeOffset now, DateOnly? from = null)
    {
        if (groups.Count == 0 || groups.Any(g => g.Count == 0)) yield break;
        var first = FirstBookableDay(now, rules);
        if (from is { } asked && asked > first) first = asked;
        var last = LastBookableDay(now, rules);
        var meeting = Duration.FromMinutes(rules.MeetingMinutes);
        var occupied = Duration.FromMinutes(rules.MeetingMinutes + rules.BufferMinutes);
        var step = Period.FromMinutes(rules.StepMinutes);

        for (var date = first; date <= last; date = date.AddDays(1))
        {
            if (NorwegianHolidays.IsHoliday(date)) continue;
            var localDate = new LocalDate(date.Year, date.Month, date.Day);
            for (var local = localDate.AtMidnight(); local.Date == localDate; local += step)
            {
                // A local time that does not exist (the hour skipped in March) is not offered; the repeated hour in
                // October is read as its first occurrence.
                var mapping = Oslo.MapLocal(local);
                if (mapping.Count == 0) continue;
                var start = mapping.First().ToInstant();
                var end = start + meeting;
                var localEnd = end.InZone(Oslo).LocalDateTime;
                var cells = Cells(start, start + occupied, rules.StepMinutes);

                var chosen = new List<AdvisorCalendar>(groups.Count);
                foreach (var group in groups)
                {
                    var free = group.FirstOrDefault(a => IsFree(a, local, localEnd, start, end, cells));
                    if (free is null) break;
                    chosen.Add(free);
                }
                if (chosen.Count == groups.Count)
                {
                    yield return new Slot(start.ToDateTimeUtc(), end.ToDateTimeUtc(), chosen);
                }
            }
        }
    }

    /// <summary>The step-grid cells (UTC starts) that a meeting with its buffer occupies; what the database locks.</summary>
    public static IReadOnlyList<DateTime> Cells(DateTime startUtc, DateTime endWithBufferUtc, int stepMinutes) =>
        Cells(Instant.FromDateTimeUtc(DateTime.SpecifyKind(startUtc, DateTimeKind.Utc)),
              Instant.FromDateTimeUtc(DateTime.SpecifyKind(endWithBufferUtc, DateTimeKind.Utc)), stepMinutes);

    private static List<DateTime> Cells(Instant start, Instant endWithBuffer, int stepMinutes)
    {
        var cells = new List<DateTime>();
        for (var cell = start; cell < endWithBuffer; cell += Duration.FromMinutes(stepMinutes)) cells.Add(cell.ToDateTimeUtc());
        return cells;
    }

    private static bool IsFree(AdvisorCalendar advisor, LocalDateTime localStart, LocalDateTime localEnd, Instant start, Instant end, List<DateTime> cells)
    {
        var day = (DayOfWeek)((int)localStart.DayOfWeek % 7); // ISO Monday=1..Sunday=7 → BCL Sunday=0
        var from = new TimeOnly(localStart.Hour, localStart.Minute);
        // Meetings do not cross midnight; a window is a span within one day.
        if (localEnd.Date != localStart.Date) return false;
        var to = new TimeOnly(localEnd.Hour, localEnd.Minute);
        var inWindow = advisor.Windows.Any(w => w.Day == day && w.From <= from && to <= w.To);
        if (!inWindow) return false;
        var startUtc = start.ToDateTimeUtc();
        var endUtc = end.ToDateTimeUtc();
        if (advisor.Absences.Any(a => a.FromUtc < endUtc && startUtc < a.ToUtc)) return false;
        return !cells.Any(advisor.ClaimedCellsUtc.Contains);
    }

    private static DateOnly ToDateOnly(LocalDate date) => new(date.Year, date.Month, date.Day);

    /// <summary>Oslo local time of an instant, for display and ICS.</summary>
    public static LocalDateTime ToOslo(DateTime utc) =>
        Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(Oslo).LocalDateTime;

    /// <summary>The UTC instant of an Oslo local date and time (the earlier one when the clock is turned back).</summary>
    public static DateTime FromOslo(DateOnly date, TimeOnly time) =>
        Oslo.AtLeniently(new LocalDateTime(date.Year, date.Month, date.Day, time.Hour, time.Minute)).ToDateTimeUtc();
}
