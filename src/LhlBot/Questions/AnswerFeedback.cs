using LhlBot.Storage;

namespace LhlBot.Questions;

/// <summary>
/// The one place where 👍/👎 on an answer is stored, on that answer's log entry (<see cref="QuestionLogEntry.Feedback"/>).
/// Callers pass the answer's id: the id the answer card's buttons carry, or — for typed feedback — the answer the
/// bot gave in the turn just before. Feedback on an answer of another conversation is refused. A learning loop reads
/// the stored values (<c>Feedback</c>, <c>FeedbackAt</c>) from the question log; nothing else writes them.
/// </summary>
internal sealed class AnswerFeedback(LhlDbContext db, TimeProvider clock)
{
    /// <returns>The entry the feedback was stored on, or null when there is no such answer in this conversation.</returns>
    public async Task<QuestionLogEntry?> RecordAsync(Guid answerId, string conversationId, int value, CancellationToken cancellationToken)
    {
        if (value is not (1 or -1)) return null;
        var entry = await db.Set<QuestionLogEntry>().FindAsync([answerId], cancellationToken);
        if (entry is null || entry.ConversationId != conversationId) return null;
        entry.Feedback = value;
        entry.FeedbackAt = clock.GetUtcNow();
        return entry;
    }
}
