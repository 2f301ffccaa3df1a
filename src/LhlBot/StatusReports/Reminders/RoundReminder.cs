using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LhlBot.StatusReports.Reminders;

internal enum ReminderOutcome
{
    Pending,
    Sent,
    /// <summary>No chat with the bot and no Graph installation: the advisors' list says so.</summary>
    Unreachable,
    Failed,
    /// <summary>The report came in before the reminder went out.</summary>
    Reported,
}

/// <summary>
/// One reminder to one person for one step of a round («d14», «d3», «d0» before the deadline; «uke:2026-W18» for an
/// advisor's weekly list; «manuell:2026-05-04» for an advisor's «påminn»). The unique index makes it once per person
/// per step; an instance sends only after claiming the row with a conditional update, so a restart or a second
/// instance never sends it again.
/// </summary>
internal sealed class RoundReminder
{
    public long Id { get; init; }
    public required string RoundId { get; init; }
    public required string Step { get; init; }
    public int PersonId { get; init; }
    /// <summary>The municipality reminded about; empty for an advisor's weekly list (never null, so the unique index holds on SQLite).</summary>
    public string MunicipalityNumber { get; init; } = "";
    public DateTime CreatedUtc { get; init; }
    public DateTime? ClaimedUtc { get; set; }
    public ReminderOutcome Outcome { get; set; }
}

internal sealed class RoundReminderConfiguration : IEntityTypeConfiguration<RoundReminder>
{
    public void Configure(EntityTypeBuilder<RoundReminder> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.RoundId).HasMaxLength(7);
        builder.Property(r => r.Step).HasMaxLength(32);
        builder.Property(r => r.MunicipalityNumber).HasMaxLength(4);
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(r => new { r.RoundId, r.Step, r.PersonId, r.MunicipalityNumber }).IsUnique();
        builder.ToTable("RoundReminders");
    }
}

/// <summary>The "StatusReports:Reminders" section.</summary>
internal sealed class RoundReminderOptions
{
    /// <summary>Days before a round's deadline a municipality that has not reported is reminded (0: on the day).</summary>
    public List<int> DaysBefore { get; set; } = [14, 3, 0];

    /// <summary>The day advisors get their weekly «ikke rapportert ennå» list while a round is open.</summary>
    public DayOfWeek DigestDay { get; set; } = DayOfWeek.Monday;

    /// <summary>How often the job looks for due reminders; 0 turns it off. An hour is well inside a day's step.</summary>
    public int IntervalMinutes { get; set; } = 60;

    /// <summary>Proactive messages per second: Teams allows 50 per app per tenant; 20 leaves room for the bot's other traffic.</summary>
    public int MessagesPerSecond { get; set; } = 20;
}
