using System.Globalization;
using System.Text.RegularExpressions;
using LhlBot.Conversations;
using LhlBot.Conversations.Prompts;

namespace LhlBot.Bookings.Dialogs;

/// <summary>
/// Reads "from when" as people say it when looking for a time: "neste uke", "etter 15. mars", "fra 20.03",
/// "uke 12", "torsdag", or any date <see cref="NorwegianDates"/> reads. Bokmål and nynorsk.
/// </summary>
internal static partial class BookingDates
{
    private static readonly string[] Weekdays = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lordag", "sondag"];
    private static readonly string[] WeekdaysNynorsk = ["maandag", "tysdag", "onsdag", "torsdag", "fredag", "laurdag", "sundag"];

    /// <summary>The first date the user wants times from.</summary>
    public static bool TryParse(string text, DateOnly today, out DateOnly from)
    {
        from = default;
        var typed = TextMatching.Normalize(text);
        if (typed.Length == 0) return false;

        switch (typed)
        {
            case "neste uke" or "neste veke" or "neste uka" or "neste vekke" or "uka etter" or "veka etter":
                from = NextMonday(today);
                return true;
            case "om to uker" or "om to veker" or "om 2 uker" or "om 2 veker":
                from = NextMonday(today).AddDays(7);
                return true;
            case "neste maaned" or "neste maanad":
                from = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
                return true;
        }

        var week = Week().Match(typed);
        if (week.Success)
        {
            var number = int.Parse(week.Groups["week"].Value, CultureInfo.InvariantCulture);
            if (number is < 1 or > 53) return false;
            var year = today.Year;
            if (ISOWeek.GetWeeksInYear(year) < number) return false;
            var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, number, DayOfWeek.Monday));
            // "uke 2" said in November means next year's.
            from = monday < today.AddDays(-6) ? DateOnly.FromDateTime(ISOWeek.ToDateTime(year + 1, Math.Min(number, ISOWeek.GetWeeksInYear(year + 1)), DayOfWeek.Monday)) : monday;
            return true;
        }

        var after = false;
        foreach (var prefix in new[] { "etter ", "efter ", "seinare enn ", "senere enn ", "fra og med ", "fraa og med ", "fra ", "fraa ", "tidligst ", "tidlegast ", "paa ", "den " })
        {
            if (!typed.StartsWith(prefix, StringComparison.Ordinal)) continue;
            after = prefix is "etter " or "efter " or "seinare enn " or "senere enn ";
            typed = typed[prefix.Length..];
            // The raw text keeps "15.03.2026" readable for NorwegianDates: drop as many words as the prefix has.
            var words = prefix.Trim().Split(' ').Length;
            text = string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(words));
            break;
        }

        var day = Array.IndexOf(Weekdays, typed) is var i and >= 0 ? i : Array.IndexOf(WeekdaysNynorsk, typed);
        if (day >= 0)
        {
            var target = (DayOfWeek)((day + 1) % 7);
            var date = today.AddDays(1);
            while (date.DayOfWeek != target) date = date.AddDays(1);
            from = after ? date.AddDays(1) : date;
            return true;
        }
        if (typed is "neste uke" or "neste veke")
        {
            from = after ? NextMonday(today).AddDays(7) : NextMonday(today);
            return true;
        }

        if (!NorwegianDates.TryParse(text, today, out var parsed)) return false;
        from = after ? parsed.AddDays(1) : parsed;
        return true;
    }

    private static DateOnly NextMonday(DateOnly today)
    {
        var date = today.AddDays(1);
        while (date.DayOfWeek != DayOfWeek.Monday) date = date.AddDays(1);
        return date;
    }

    [GeneratedRegex(@"^(?:fra |fraa |i |etter )?(?:uke|veke|uka|veka) (?<week>\d{1,2})$")]
    private static partial Regex Week();
}
