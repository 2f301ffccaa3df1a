using LhlBot.Conversations;
using LhlBot.Conversations.Dialogs;
using LhlBot.Protocol;
using LhlBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace LhlBot.People;

/// <summary>
/// Tells people things in their own 1:1 chat with the bot (a new claim to approve, a claim approved). Messages go
/// only after the turn has committed (<see cref="TurnOutbox"/>), so a retried or failed turn tells nobody anything;
/// people without a stored conversation reference see the news in their menu instead.
/// </summary>
internal sealed class PeopleNotifier(LhlDbContext db, TurnOutbox outbox, IProactiveReach messenger, ILogger<PeopleNotifier> logger)
{
    /// <returns>How many approvers will be told.</returns>
    public async Task<int> NotifyApproversAfterCommitAsync(int officeId, string text, CancellationToken cancellationToken)
    {
        var approvers = await db.Set<Person>().AsNoTracking()
            .Where(p => p.Roles.Any(r => r.Approved && (
                (r.Role == Role.Advisor && r.OfficeId == officeId && r.Organisation == Organisation.Statsforvalteren))))
            .ToListAsync(cancellationToken);
        approvers = approvers.Where(p => messenger.RouteOf(p) != ReachRoute.None).ToList();
        foreach (var approver in approvers) NotifyAfterCommit(approver, text);
        return approvers.Count;
    }

    public void NotifyAfterCommit(Person person, string text)
    {
        if (messenger.RouteOf(person) == ReachRoute.None) return;
        outbox.AfterCommit(async ct =>
        {
            try
            {
                await messenger.SendAsync(person, MessageFactory.Text(text), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The news also waits in the person's menu; a failed proactive message is not the user's problem.
                logger.LogWarning(ex, "Could not send a proactive message to person {PersonId}.", person.Id);
            }
        });
    }
}
