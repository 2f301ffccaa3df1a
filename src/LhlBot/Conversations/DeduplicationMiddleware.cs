using LhlBot.Protocol;
using LhlBot.Storage;
using IMiddleware = LhlBot.Protocol.IMiddleware;
using Microsoft.EntityFrameworkCore;

namespace LhlBot.Conversations;

/// <summary>
/// Teams re-sends an activity it got no answer to within 15 s, with the same id. The first delivery claims the
/// (conversation, activity id) pair in the database; a re-delivery finds it taken and is acknowledged unprocessed.
/// The primary key makes this hold across bot instances too.
/// </summary>
internal sealed class DeduplicationMiddleware(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DeduplicationMiddleware> logger) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.Id is not { Length: > 0 } id || activity.Conversation?.Id is not { Length: > 0 } conversationId)
        {
            await next(cancellationToken);
            return;
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LhlDbContext>();
            db.Set<ProcessedActivity>().Add(new ProcessedActivity { ConversationId = conversationId, ActivityId = id, ReceivedAt = clock.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                logger.LogInformation("Activity {ActivityId} in {ConversationId} was already processed; acknowledged without processing.", id, conversationId);
                return;
            }
        }
        await next(cancellationToken);
    }
}
