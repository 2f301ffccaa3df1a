using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LhlBot.Conversations;

/// <summary>
/// One conversation's persisted state: its dialog stack and memory as JSON, and the reference
/// needed to message it proactively. <see cref="Version"/> is the optimistic concurrency token,
/// so two bot instances on one database never overwrite each other's update.
/// </summary>
internal sealed class ConversationRecord
{
    public required string Id { get; init; }
    public required string ChannelId { get; set; }
    public string StateJson { get; set; } = "{}";
    /// <summary>ConversationReference as JSON, refreshed on every inbound activity (serviceUrl can change).</summary>
    public string? ReferenceJson { get; set; }
    public string? UserAadObjectId { get; set; }
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>An activity already processed, so that a channel's re-delivery is acknowledged and not run twice.</summary>
internal sealed class ProcessedActivity
{
    public required string ConversationId { get; init; }
    public required string ActivityId { get; init; }
    /// <summary>UTC; a DateTime, because SQLite compares these (for pruning) and not DateTimeOffset.</summary>
    public DateTime ReceivedAt { get; init; }
}

internal sealed class ConversationRecordConfiguration : IEntityTypeConfiguration<ConversationRecord>
{
    public void Configure(EntityTypeBuilder<ConversationRecord> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => c.UserAadObjectId);
    }
}

internal sealed class ProcessedActivityConfiguration : IEntityTypeConfiguration<ProcessedActivity>
{
    public void Configure(EntityTypeBuilder<ProcessedActivity> builder)
    {
        builder.HasKey(p => new { p.ConversationId, p.ActivityId });
        builder.Property(p => p.ReceivedAt).HasConversion(v => DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
        builder.HasIndex(p => p.ReceivedAt);
    }
}
