using LhlBot.Bookings.Holidays;
using LhlBot.Bookings.Slots;
using LhlBot.People;

namespace LhlBot.Tests.Bookings;

public sealed class SlotFinderTests
{
    private static readonly SlotRules Rules = new(MeetingMinutes: 60, BufferMinutes: 15, StepMinutes: 30, NoticeWorkingDays: 2, HorizonWeeks: 8);

    private static AdvisorCalendar Advisor(int id, Organisation organisation, IEnumerable<(DayOfWeek, TimeOnly, TimeOnly)> windows,
        IEnumerable<(DateTime, DateTime)>? absences = null, IEnumerable<DateTime>? claims = null) =>
        new(id, "R" + id, organisation, windows.ToList(), (absences ?? []).ToList(), (claims ?? []).ToHashSet());

    private static (DayOfWeek, TimeOnly, TimeOnly) W(DayOfWeek day, int fromHour, int toHour) => (day, new TimeOnly(fromHour, 0), new TimeOnly(toHour, 0));

    private static List<Slot> Find(DateTimeOffset now, params AdvisorCalendar[] oneGroup) => SlotFinder.Find([oneGroup], Rules, now).ToList();

    [Fact]
    public void Times_fall_inside_the_window_on_the_half_hour_and_the_whole_meeting_fits()
    {
        var slots = Find(BookingTestHost.Monday, Advisor(1, Organisation.KS, [W(DayOfWeek.Wednesday, 9, 11)]));
        var first = slots.Take(3).Select(s => SlotFinder.ToOslo(s.StartUtc).TimeOfDay.ToString()).ToList();
        Assert.Equal(["09:00:00", "09:30:00", "10:00:00"], first);
        Assert.Equal(new DateTime(2026, 3, 4, 8, 0, 0, DateTimeKind.Utc), slots[0].StartUtc); // 09:00 CET = 08:00 UTC
    }

    [Fact]
    public void Notice_is_two_working_days_and_skips_the_weekend()
    {
        // Thursday 5 March 2026 12:00: Friday is the 1st working day, Monday the 2nd.
        var thursday = new DateTimeOffset(2026, 3, 5, 11, 0, 0, TimeSpan.Zero);
        var everyDay = Enum.GetValues<DayOfWeek>().Select(d => W(d, 9, 10)).ToArray();
        var slots = Find(thursday, Advisor(1, Organisation.KS, everyDay));
        Assert.Equal(new DateOnly(2026, 3, 9), DateOnly.FromDateTime(SlotFinder.ToOslo(slots[0].StartUtc).ToDateTimeUnspecified()));
    }

    [Fact]
    public void Nothing_is_offered_beyond_the_horizon()
    {
        var slots = Find(BookingTestHost.Monday, Advisor(1, Organisation.KS, [W(DayOfWeek.Wednesday, 9, 10)]));
        Assert.All(slots, s => Assert.True(s.StartUtc <= new DateTime(2026, 4, 27, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateTime(2026, 4, 22, 7, 0, 0, DateTimeKind.Utc), slots[^1].StartUtc); // last Wednesday within 8 weeks, summer time
    }

    [Fact]
    public void Easter_based_and_fixed_holidays_are_never_offered()
    {
        // Easter 2026 is 5 April: Skjærtorsdag 2 April, Langfredag 3 April, 2. påskedag 6 April.
        var now = new DateTimeOffset(2026, 3, 23, 8, 0, 0, TimeSpan.Zero);
        var weekdays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }.Select(d => W(d, 9, 10)).ToArray();
        var dates = Find(now, Advisor(1, Organisation.KS, weekdays))
            .Select(s => DateOnly.FromDateTime(SlotFinder.ToOslo(s.StartUtc).ToDateTimeUnspecified())).ToHashSet();
        Assert.Contains(new DateOnly(2026, 4, 1), dates);
        Assert.DoesNotContain(new DateOnly(2026, 4, 2), dates);
        Assert.DoesNotContain(new DateOnly(2026, 4, 3), dates);
        Assert.DoesNotContain(new DateOnly(2026, 4, 6), dates);
        Assert.DoesNotContain(new DateOnly(2026, 5, 1), dates);  // Arbeidernes dag
        Assert.DoesNotContain(new DateOnly(2026, 5, 14), dates); // Kristi himmelfartsdag
        Assert.Contains(new DateOnly(2026, 4, 7), dates);
    }

    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    public void Easter_sunday_is_computed(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), NorwegianHolidays.EasterSunday(year));

    [Fact]
    public void Whit_monday_and_christmas_are_holidays()
    {
        Assert.Equal("2. pinsedag", NorwegianHolidays.Name(new DateOnly(2026, 5, 25)));
        Assert.Equal("Grunnlovsdagen", NorwegianHolidays.Name(new DateOnly(2026, 5, 17)));
        Assert.Equal("2. juledag", NorwegianHolidays.Name(new DateOnly(2026, 12, 26)));
        Assert.Null(NorwegianHolidays.Name(new DateOnly(2026, 5, 26)));
    }

    [Fact]
    public void Local_times_stay_the_same_across_the_spring_and_autumn_clock_changes()
    {
        // Summer time starts 29 March 2026 and ends 25 October 2026.
        var march = Find(new DateTimeOffset(2026, 3, 20, 8, 0, 0, TimeSpan.Zero), Advisor(1, Organisation.KS, [W(DayOfWeek.Friday, 9, 10)]));
        Assert.Equal(new DateTime(2026, 3, 27, 8, 0, 0, DateTimeKind.Utc), march[0].StartUtc); // CET +1
        Assert.Equal(new DateTime(2026, 4, 3 + 7, 7, 0, 0, DateTimeKind.Utc), march[1].StartUtc); // 3 April is Langfredag; CEST +2

        var october = Find(new DateTimeOffset(2026, 10, 16, 8, 0, 0, TimeSpan.Zero), Advisor(1, Organisation.KS, [W(DayOfWeek.Friday, 9, 10)]));
        Assert.Equal(new DateTime(2026, 10, 23, 7, 0, 0, DateTimeKind.Utc), october[0].StartUtc);
        Assert.Equal(new DateTime(2026, 10, 30, 8, 0, 0, DateTimeKind.Utc), october[1].StartUtc);
        Assert.All(march.Concat(october), s => Assert.Equal(9, SlotFinder.ToOslo(s.StartUtc).Hour));
    }

    [Fact]
    public void A_booked_meeting_and_its_buffer_block_the_following_start()
    {
        var booked = new DateTime(2026, 3, 4, 8, 0, 0, DateTimeKind.Utc); // 09:00–10:00, buffer to 10:15
        var claims = SlotFinder.Cells(booked, booked.AddMinutes(75), 30);
        var slots = Find(BookingTestHost.Monday, Advisor(1, Organisation.KS, [W(DayOfWeek.Wednesday, 9, 12)], claims: claims));
        var starts = slots.Where(s => s.StartUtc.Date == booked.Date).Select(s => SlotFinder.ToOslo(s.StartUtc).TimeOfDay.ToString()).ToList();
        Assert.Equal(["10:30:00", "11:00:00"], starts);
    }

    [Fact]
    public void An_absence_removes_the_times_it_covers()
    {
        var absence = (new DateTime(2026, 3, 3, 23, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 4, 23, 0, 0, DateTimeKind.Utc)); // all of Wednesday 4 March
        var slots = Find(BookingTestHost.Monday, Advisor(1, Organisation.KS, [W(DayOfWeek.Wednesday, 9, 10)], absences: [absence]));
        Assert.Equal(new DateTime(2026, 3, 11, 8, 0, 0, DateTimeKind.Utc), slots[0].StartUtc);
    }

    [Fact]
    public void A_joint_meeting_needs_one_free_advisor_of_every_organisation()
    {
        var sf = Advisor(1, Organisation.Statsforvalteren, [W(DayOfWeek.Wednesday, 9, 12)]);
        var ks = Advisor(2, Organisation.KS, [W(DayOfWeek.Wednesday, 10, 12)]);
        var usht1 = Advisor(3, Organisation.USHT, [W(DayOfWeek.Wednesday, 9, 11)], claims: SlotFinder.Cells(new DateTime(2026, 3, 4, 9, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 4, 10, 15, 0, DateTimeKind.Utc), 30));
        var usht2 = Advisor(4, Organisation.USHT, [W(DayOfWeek.Wednesday, 10, 12)]);
        var slots = SlotFinder.Find([[sf], [ks], [usht1, usht2]], Rules, BookingTestHost.Monday).Take(3).ToList();
        Assert.Equal("10:00:00", SlotFinder.ToOslo(slots[0].StartUtc).TimeOfDay.ToString());
        Assert.Equal([1, 2, 4], slots[0].Advisors.Select(a => a.PersonId)); // USHT 3 is busy at 10:00, colleague 4 is free
        Assert.Equal(11, SlotFinder.ToOslo(slots[2].StartUtc).Hour);
        Assert.Empty(SlotFinder.Find([[sf], [ks], []], Rules, BookingTestHost.Monday));
    }
}
