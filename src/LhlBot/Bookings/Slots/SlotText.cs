namespace LhlBot.Bookings.Slots;

/// <summary>
/// How times read in Norwegian: "tirsdag 17. mars 2026 kl. 09:00–10:00". Names are spelled out here rather than
/// taken from the OS culture data, so the text is the same on every machine.
/// </summary>
internal static class SlotText
{
    private static readonly string[] Days = ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"];
    private static readonly string[] Months =
        ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"];

    public static string Describe(DateTime startUtc, DateTime endUtc)
    {
        var start = SlotFinder.ToOslo(startUtc);
        var end = SlotFinder.ToOslo(endUtc);
        return $"{Date(new DateOnly(start.Year, start.Month, start.Day))} kl. {start.Hour:00}:{start.Minute:00}–{end.Hour:00}:{end.Minute:00}";
    }

    public static string Short(DateTime startUtc, DateTime endUtc)
    {
        var start = SlotFinder.ToOslo(startUtc);
        var end = SlotFinder.ToOslo(endUtc);
        var date = new DateOnly(start.Year, start.Month, start.Day);
        return $"{Days[(int)date.DayOfWeek]} {date.Day}. {Months[date.Month - 1]} kl. {start.Hour:00}:{start.Minute:00}–{end.Hour:00}:{end.Minute:00}";
    }

    public static string Date(DateOnly date) => $"{Days[(int)date.DayOfWeek]} {date.Day}. {Months[date.Month - 1]} {date.Year}";

    public static string Weekday(DayOfWeek day) => Days[(int)day];
}
