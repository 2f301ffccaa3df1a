using LhlBot.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LhlBot.Bookings.Availability;

/// <summary>
/// A weekly window in which an advisor takes meetings, in Oslo local time ("tirsdag 09:00–12:00").
/// Set by the advisor in Teams ("mine tider") or imported by an administrator (`availability import`).
/// </summary>
internal sealed class AdvisorWindow
{
    public int Id { get; init; }
    public int PersonId { get; init; }
    public Person? Person { get; init; }
    public DayOfWeek Weekday { get; init; }
    public TimeOnly From { get; init; }
    public TimeOnly To { get; init; }
}

/// <summary>An exception to the weekly windows: absence, holiday, travel. Stored in UTC; entered in Oslo time.</summary>
internal sealed class AdvisorAbsence
{
    public int Id { get; init; }
    public int PersonId { get; init; }
    public Person? Person { get; init; }
    public DateTime FromUtc { get; init; }
    public DateTime ToUtc { get; init; }
    public string? Reason { get; init; }
}

internal sealed class AdvisorWindowConfiguration : IEntityTypeConfiguration<AdvisorWindow>
{
    public void Configure(EntityTypeBuilder<AdvisorWindow> builder)
    {
        builder.ToTable("AdvisorWindows");
        builder.HasKey(w => w.Id);
        builder.HasOne(w => w.Person).WithMany().HasForeignKey(w => w.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(w => w.PersonId);
    }
}

internal sealed class AdvisorAbsenceConfiguration : IEntityTypeConfiguration<AdvisorAbsence>
{
    public void Configure(EntityTypeBuilder<AdvisorAbsence> builder)
    {
        builder.ToTable("AdvisorAbsences");
        builder.HasKey(a => a.Id);
        builder.HasOne(a => a.Person).WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.FromUtc).HasConversion(UtcDateTime.Converter);
        builder.Property(a => a.ToUtc).HasConversion(UtcDateTime.Converter);
        builder.Property(a => a.Reason).HasMaxLength(200);
        builder.HasIndex(a => new { a.PersonId, a.ToUtc });
    }
}
