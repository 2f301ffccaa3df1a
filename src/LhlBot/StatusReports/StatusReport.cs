using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LhlBot.StatusReports;

/// <summary>
/// One version of a municipality's status report for a round. A correction adds a new version and clears
/// <see cref="IsCurrent"/> on the old one, which is kept; the database allows one current report per
/// municipality and round, and one row per version number, so concurrent submissions never both win.
/// </summary>
internal sealed class StatusReport
{
    public int Id { get; init; }
    public required string MunicipalityNumber { get; init; }
    /// <summary><see cref="ReportingRound.Id"/>, e.g. "2021-11".</summary>
    public required string RoundId { get; init; }
    public int Version { get; init; }
    public bool IsCurrent { get; set; }
    /// <summary>The answers as the form stores them (see <see cref="StatusReportForm"/>), comments included.</summary>
    public required string AnswersJson { get; init; }
    public int? SubmittedByPersonId { get; init; }
    /// <summary>The submitter's name at the time, kept even if the person is removed later.</summary>
    public required string SubmittedByName { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
}

internal sealed class StatusReportConfiguration : IEntityTypeConfiguration<StatusReport>
{
    public void Configure(EntityTypeBuilder<StatusReport> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.MunicipalityNumber).HasMaxLength(4);
        builder.Property(r => r.RoundId).HasMaxLength(7);
        builder.HasIndex(r => new { r.MunicipalityNumber, r.RoundId, r.Version }).IsUnique();
        builder.HasIndex(r => new { r.MunicipalityNumber, r.RoundId }).IsUnique().HasFilter("\"IsCurrent\" = TRUE")
            .HasDatabaseName("IX_StatusReports_OneCurrent");
        builder.HasIndex(r => new { r.RoundId, r.IsCurrent });
        builder.ToTable("StatusReports");
    }
}
