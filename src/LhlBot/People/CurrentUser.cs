using LhlBot.Protocol;
using LhlBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace LhlBot.People;

/// <summary>
/// Who is talking in this turn, as a <see cref="Person"/> with their roles — or null for someone the bot does
/// not know. Recognised by <c>aadObjectId</c>; failing that, by the e-mail/UPN the Teams roster gives for the
/// user, after which the object id is remembered. Scoped to the turn and looked up once.
/// </summary>
internal sealed class CurrentUser(LhlDbContext db, ILogger<CurrentUser> logger)
{
    private Person? person;
    private bool resolved;

    public async Task<Person?> GetAsync(ITurnContext context, CancellationToken cancellationToken)
    {
        if (resolved) return person;
        resolved = true;
        var from = context.Activity.From;
        if (from is null) return null;

        var people = db.Set<Person>().Include(p => p.Roles);
        if (from.AadObjectId is { Length: > 0 } aad)
        {
            person = await people.FirstOrDefaultAsync(p => p.AadObjectId == aad, cancellationToken);
        }
        if (person is null && from.Id is { Length: > 0 } channelUserId)
        {
            person = await people.FirstOrDefaultAsync(p => p.ChannelUserId == channelUserId, cancellationToken);
        }
        if (person is null && context.Activity.ChannelId == Channels.Msteams)
        {
            person = await FindByRosterAsync(context, people, cancellationToken);
        }
        if (person is not null) Remember(person, context.Activity);
        return person;
    }

    /// <summary>The person's roles that are in force (approved).</summary>
    public async Task<IReadOnlyList<RoleAssignment>> RolesAsync(ITurnContext context, CancellationToken cancellationToken) =>
        (await GetAsync(context, cancellationToken))?.Roles.Where(r => r.Approved).ToList() ?? [];

    private async Task<Person?> FindByRosterAsync(ITurnContext context, IQueryable<Person> people, CancellationToken cancellationToken)
    {
        var activity = context.Activity;
        if (activity.ServiceUrl is null || activity.Conversation?.Id is null || activity.From?.Id is null) return null;
        var member = await context.Connector.GetConversationMemberAsync(activity.ServiceUrl, activity.Conversation.Id, activity.From.Id, cancellationToken);
        var keys = new[] { member?.Email, member?.UserPrincipalName }
            .Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k!.Trim().ToLowerInvariant()).Distinct().ToList();
        if (keys.Count == 0) return null;
        var found = await people.FirstOrDefaultAsync(p => p.Email != null && keys.Contains(p.Email), cancellationToken);
        if (found is not null) logger.LogInformation("Recognised person {PersonId} by e-mail from the Teams roster.", found.Id);
        return found;
    }

    /// <summary>Keeps ids and the 1:1 conversation reference current (serviceUrl can change), saved with the turn.</summary>
    private void Remember(Person found, Activity activity)
    {
        if (activity.From?.AadObjectId is { Length: > 0 } aad && found.AadObjectId is null) found.AadObjectId = aad;
        if (activity.From?.Id is { Length: > 0 } id) found.ChannelUserId = id;
        if (activity.Conversation?.ConversationType is null or "personal")
        {
            found.ConversationReferenceJson = System.Text.Json.JsonSerializer.Serialize(activity.GetConversationReference(), ProtocolJson.Options);
        }
    }
}
