using System.Globalization;
using System.Text.RegularExpressions;

namespace LhlBot.Conversations.Prompts;

/// <summary>Reads dates as Norwegians type them: 15.03.2026, 15.3, 15. mars 2026, 2026-03-15, i dag, i morgen.</summary>
internal static partial class NorwegianDates
{
    private static readonly string[] Months =
        ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"];

    public static bool TryParse(string text, DateOnly today, out DateOnly date)
    {
        date = default;
        var typed = TextMatching.Normalize(text);
        switch (typed)
        {
            case "i dag" or "idag": date = today; return true;
            case "i morgen" or "imorgen" or "i morgon" or "imorgon": date = today.AddDays(1); return true;
            case "i overmorgen" or "i overmorgon": date = today.AddDays(2); return true;
        }

        if (DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "d.M.yyyy", "d.M.yy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        // "15 3 2026", "15 3", "15 mars 2026", "15 mars" (after normalising "15. mars" and "15.03.").
        var match = DayMonthYear().Match(typed);
        if (!match.Success) return false;
        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        var monthText = match.Groups["month"].Value;
        var month = int.TryParse(monthText, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            ? m
            : Array.FindIndex(Months, name => TextMatching.Normalize(name).StartsWith(monthText, StringComparison.Ordinal) && monthText.Length >= 3) + 1;
        var explicitYear = match.Groups["year"].Success;
        var year = explicitYear ? int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture) : today.Year;
        if (year < 100) year += 2000;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        // Without a year, a day already past means next year ("15. mars" said in November).
        if (!explicitYear && date < today) date = date.AddYears(1);
        return true;
    }

    [GeneratedRegex(@"^(?<day>\d{1,2}) (?<month>\d{1,2}|[a-z]{3,9})(?: (?<year>\d{2}|\d{4}))?$")]
    private static partial Regex DayMonthYear();
}
