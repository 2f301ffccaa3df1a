using LhlBot.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LhlBot.Bookings;

/// <summary>Whom the municipality meets: one organisation, or Statsforvalteren, KS and USHT together.</summary>
internal enum MeetingWith
{
    Statsforvalteren,
    KS,
    USHT,
    Joint,
}

internal enum BookingStatus
{
    Booked,
    Cancelled,
}

/// <summary>A guidance or dialogue meeting booked by a municipality's contact person.</summary>
internal sealed class Booking
{
    /// <summary>Chosen when the user is shown the summary, so a retried turn finds the booking it already made; also the ICS UID.</summary>
    public Guid Id { get; init; }
    public required string MunicipalityNumber { get; init; }
    public int OfficeId { get; init; }
    public MeetingWith With { get; init; }
    public required string Topic { get; set; }
    /// <summary>"teams" or "fysisk".</summary>
    public required string Format { get; set; }
    public string? Place { get; set; }
    public string Description { get; set; } = "";
    public DateTime StartUtc { get; set; }
    public DateTime EndUtc { get; set; }
    public BookingStatus Status { get; set; }
    public int BookedByPersonId { get; init; }
    public Person? BookedBy { get; init; }
    /// <summary>iCalendar SEQUENCE: raised on every change so calendars replace the entry instead of adding one.</summary>
    public int Sequence { get; set; }
    public DateTime CreatedUtc { get; init; }
    public DateTime? CancelledUtc { get; set; }
    public int? CancelledByPersonId { get; set; }
    /// <summary>Set when an instance claims the day-before reminder, before sending it: at most one reminder per booking.</summary>
    public DateTime? ReminderClaimedUtc { get; set; }
    /// <summary>Failed reminder sends so far; the next try waits longer each time.</summary>
    public int ReminderAttempts { get; set; }
    /// <summary>When a failed reminder may be tried again.</summary>
    public DateTime? ReminderRetryUtc { get; set; }

    public List<BookingAdvisor> Advisors { get; } = [];

    public string Uid => $"{Id:N}@lhlbot.no";
}

/// <summary>An advisor taking part in a booking.</summary>
internal sealed class BookingAdvisor
{
    public int Id { get; init; }
    public Guid BookingId { get; init; }
    public int PersonId { get; init; }
    public Person? Person { get; init; }
    public Organisation Organisation { get; init; }
}

/// <summary>
/// The guarantee against double booking: one row per advisor per time cell (<see cref="BookingOptions.SlotStepMinutes"/>)
/// that an active booking occupies, meeting and buffer. A unique index on (advisor, cell) lets the database, not
/// the code's check, decide who gets a contested time — also across bot instances. Deleted when the booking is
/// cancelled or moved.
/// </summary>
internal sealed class AdvisorSlotClaim
{
    public long Id { get; init; }
    public Guid BookingId { get; init; }
    public int PersonId { get; init; }
    public DateTime CellStartUtc { get; init; }
}

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> builder)
    {
        builder.ToTable("Bookings");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.MunicipalityNumber).HasMaxLength(4);
        builder.Property(b => b.With).HasConversion<string>().HasMaxLength(32);
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(b => b.Topic).HasMaxLength(64);
        builder.Property(b => b.Format).HasMaxLength(16);
        builder.Property(b => b.Place).HasMaxLength(200);
        builder.Property(b => b.Description).HasMaxLength(1000);
        builder.Property(b => b.StartUtc).HasConversion(UtcDateTime.Converter);
        builder.Property(b => b.EndUtc).HasConversion(UtcDateTime.Converter);
        builder.Property(b => b.CreatedUtc).HasConversion(UtcDateTime.Converter);
        builder.Property(b => b.CancelledUtc).HasConversion(UtcDateTime.NullableConverter);
        builder.Property(b => b.ReminderClaimedUtc).HasConversion(UtcDateTime.NullableConverter);
        builder.Property(b => b.ReminderRetryUtc).HasConversion(UtcDateTime.NullableConverter);
        builder.HasOne(b => b.BookedBy).WithMany().HasForeignKey(b => b.BookedByPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(b => b.Advisors).WithOne().HasForeignKey(a => a.BookingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(b => new { b.MunicipalityNumber, b.StartUtc });
        builder.HasIndex(b => new { b.Status, b.StartUtc });
    }
}

internal sealed class BookingAdvisorConfiguration : IEntityTypeConfiguration<BookingAdvisor>
{
    public void Configure(EntityTypeBuilder<BookingAdvisor> builder)
    {
        builder.ToTable("BookingAdvisors");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Organisation).HasConversion<string>().HasMaxLength(32);
        builder.HasOne(a => a.Person).WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.PersonId, a.BookingId }).IsUnique();
    }
}

internal sealed class AdvisorSlotClaimConfiguration : IEntityTypeConfiguration<AdvisorSlotClaim>
{
    public void Configure(EntityTypeBuilder<AdvisorSlotClaim> builder)
    {
        builder.ToTable("AdvisorSlotClaims");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.CellStartUtc).HasConversion(UtcDateTime.Converter);
        builder.HasIndex(c => new { c.PersonId, c.CellStartUtc }).IsUnique();
        builder.HasIndex(c => c.BookingId);
        builder.HasOne<Booking>().WithMany().HasForeignKey(c => c.BookingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
