namespace LhlBot.Bookings;

/// <summary>The "Bookings" configuration section: the rules every advisor's calendar follows.</summary>
internal sealed class BookingOptions
{
    /// <summary>Length of a guidance meeting.</summary>
    public int MeetingMinutes { get; set; } = 60;

    /// <summary>Free time an advisor keeps after each meeting before the next may start.</summary>
    public int BufferMinutes { get; set; } = 15;

    /// <summary>Start times fall on this grid (local time); also the size of the cells the database locks.</summary>
    public int SlotStepMinutes { get; set; } = 30;

    /// <summary>A meeting can be booked at the earliest on the Nth working day after today.</summary>
    public int MinimumNoticeWorkingDays { get; set; } = 2;

    /// <summary>How far ahead meetings can be booked.</summary>
    public int HorizonWeeks { get; set; } = 8;

    /// <summary>How many free times one card or message shows.</summary>
    public int TimesPerPage { get; set; } = 5;

    /// <summary>How often the reminder job looks for tomorrow's meetings; 0 turns it off.</summary>
    public int ReminderIntervalMinutes { get; set; } = 10;

    public const string TimeZoneId = "Europe/Oslo";
}
