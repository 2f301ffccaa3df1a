namespace LhlBot.Bookings.Holidays;

/// <summary>
/// Norwegian public holidays (helligdager og offentlige høytidsdager), computed rather than listed so the
/// calendar never runs out: the fixed ones and those that move with Easter.
/// </summary>
internal static class NorwegianHolidays
{
    public static bool IsHoliday(DateOnly date) => Name(date) is not null;

    /// <summary>The holiday's Norwegian name, or null for an ordinary day.</summary>
    public static string? Name(DateOnly date)
    {
        switch (date.Month, date.Day)
        {
            case (1, 1): return "1. nyttårsdag";
            case (5, 1): return "Arbeidernes dag";
            case (5, 17): return "Grunnlovsdagen";
            case (12, 25): return "1. juledag";
            case (12, 26): return "2. juledag";
        }
        var easter = EasterSunday(date.Year);
        return (date.DayNumber - easter.DayNumber) switch
        {
            -3 => "Skjærtorsdag",
            -2 => "Langfredag",
            0 => "1. påskedag",
            1 => "2. påskedag",
            39 => "Kristi himmelfartsdag",
            49 => "1. pinsedag",
            50 => "2. pinsedag",
            _ => null,
        };
    }

    public static IEnumerable<(DateOnly Date, string Name)> InYear(int year)
    {
        for (var date = new DateOnly(year, 1, 1); date.Year == year; date = date.AddDays(1))
        {
            if (Name(date) is { } name) yield return (date, name);
        }
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher").</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = (19 * a + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + 2 * e + 2 * i - h - k) % 7;
        var m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>Monday to Friday and not a public holiday.</summary>
    public static bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(date);

    /// <summary>The Nth working day after <paramref name="date"/> (0 gives the date itself).</summary>
    public static DateOnly AddWorkingDays(DateOnly date, int workingDays)
    {
        var result = date;
        for (var counted = 0; counted < workingDays;)
        {
            result = result.AddDays(1);
            if (IsWorkingDay(result)) counted++;
        }
        return result;
    }
}
