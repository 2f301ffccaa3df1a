using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LhlBot.Questions;

/// <summary>
/// A question asked, with how it was answered and the user's 👍/👎. Unanswered questions are what
/// administrators read to learn which documents are missing.
/// </summary>
internal sealed class QuestionLogEntry
{
    public Guid Id { get; init; }
    public DateTimeOffset AskedAt { get; init; }
    public required string ConversationId { get; init; }
    public string? UserAadObjectId { get; init; }
    public required string Question { get; init; }
    /// <summary>The question as searched: a follow-up joined with the question before it.</summary>
    public required string SearchedAs { get; init; }
    public bool Answered { get; init; }
    public double Confidence { get; init; }
    public string? TopDocument { get; init; }
    public string? TopSection { get; init; }
    /// <summary>+1 (👍), -1 (👎) or null.</summary>
    public int? Feedback { get; set; }
    public DateTimeOffset? FeedbackAt { get; set; }
}

internal sealed class QuestionLogEntryConfiguration : IEntityTypeConfiguration<QuestionLogEntry>
{
    public void Configure(EntityTypeBuilder<QuestionLogEntry> builder)
    {
        builder.HasKey(q => q.Id);
        builder.HasIndex(q => new { q.Answered, q.AskedAt });
        builder.Property(q => q.Question).HasMaxLength(5000);
        builder.Property(q => q.SearchedAs).HasMaxLength(6000);
    }
}
