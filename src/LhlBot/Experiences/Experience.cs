using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LhlBot.Experiences;

internal enum ExperienceStatus
{
    Active,
    /// <summary>Withdrawn by the office or an advisor; kept for the record, never shown or exported as active.</summary>
    Withdrawn,
    /// <summary>A measure from an earlier version of the same round's report that the new version no longer lists.</summary>
    Superseded,
}

internal enum ExperienceSource
{
    /// <summary>A measure from a submitted status report («Eksempler på tiltak»).</summary>
    Report,
    /// <summary>Added by an advisor, e.g. after a guidance meeting.</summary>
    Advisor,
}

/// <summary>
/// One entry of the experience bank (erfaringsbanken): a measure a municipality works with, to be found by other
/// municipalities. Entries from a report are matched on their original text when the report is corrected, so an
/// office's edits and a municipality's «ikke del» survive a new version.
/// </summary>
internal sealed class Experience
{
    public int Id { get; init; }
    public required string MunicipalityNumber { get; set; }
    /// <summary>The reporting round ("2021-11") the measure was reported in, or the round in force when an advisor added it.</summary>
    public required string RoundId { get; set; }
    /// <summary>The measure as shown (an office may edit it).</summary>
    public required string Text { get; set; }
    /// <summary>The measure as the report had it; how a new version of the report finds this entry again.</summary>
    public required string OriginalText { get; set; }
    /// <summary>Focus area values (<see cref="Reform.FocusArea"/>), comma-separated; empty when none is known.</summary>
    public string FocusAreas { get; set; } = "";
    /// <summary>False when the municipality marked it «ikke del»: then only its own contacts and its office see it.</summary>
    public bool Shared { get; set; } = true;
    public ExperienceSource Source { get; init; }
    /// <summary>Version of the report it came from (for <see cref="ExperienceSource.Report"/>).</summary>
    public int? ReportVersion { get; set; }
    /// <summary>Who to contact about it; only set when that person agreed to be contacted.</summary>
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public ExperienceStatus Status { get; set; }
    public DateTime CreatedUtc { get; init; }
    public DateTime UpdatedUtc { get; set; }
    /// <summary>Name of whoever last changed it (submitter, advisor), for the export.</summary>
    public string ChangedByName { get; set; } = "";

    public IReadOnlyList<string> FocusAreaValues => FocusAreas.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

internal sealed class ExperienceConfiguration : IEntityTypeConfiguration<Experience>
{
    public void Configure(EntityTypeBuilder<Experience> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.MunicipalityNumber).HasMaxLength(4);
        builder.Property(e => e.RoundId).HasMaxLength(7);
        builder.Property(e => e.Text).HasMaxLength(2000);
        builder.Property(e => e.OriginalText).HasMaxLength(2000);
        builder.Property(e => e.FocusAreas).HasMaxLength(200);
        builder.Property(e => e.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.ContactName).HasMaxLength(200);
        builder.Property(e => e.ContactEmail).HasMaxLength(320);
        builder.Property(e => e.ChangedByName).HasMaxLength(200);
        builder.HasIndex(e => new { e.MunicipalityNumber, e.RoundId });
        builder.HasIndex(e => e.Status);
        builder.ToTable("Experiences");
    }
}
