using LhlBot.Protocol;
using LhlBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace LhlBot.People;

/// <summary>Which identities the bot believes ("People" section).</summary>
internal sealed class PeopleOptions
{
    /// <summary>
    /// Entra tenants whose users are recognised in Teams; empty means the bot's own tenant (MicrosoftAppTenantId) when
    /// that is set, else any tenant. An object id is only believed together with a tenant on this list.
    /// </summary>
    public List<string> AllowedTenantIds { get; set; } = [];

    /// <summary>A Teams roster look-up inside the turn waits at most this long; the turn must stay well under Teams' 15 s.</summary>
    public TimeSpan RosterLookupTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a roster answer (also «not found» or «unreachable») is kept, so a connector outage costs one wait, not one per turn.</summary>
    public TimeSpan RosterCacheDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Claims one person may have waiting at once: a contact rarely serves more than two or three municipalities, and each claim notifies every approver.</summary>
    public int MaxPendingClaims { get; set; } = 3;
}

/// <summary>
/// Who is talking in this turn, as a <see cref="Person"/> with their roles — or null for someone the bot does not
/// know. Roles come only from identities someone vouches for:
/// <list type="bullet">
/// <item>in Teams (a channel-signed activity on msteams) the Entra object id together with an allowed tenant, or
/// the e-mail/UPN the Teams roster gives, after which the object id is remembered;</item>
/// <item>on any other signed channel (Web Chat, Direct Line, …) only a channel account an administrator mapped
/// to a person (`people map`);</item>
/// <item>in-process turns (terminal chat, tests) and local-development requests from this machine: the object id
/// as sent, since whoever sends them already holds the database.</item>
/// </list>
/// Scoped to the turn and looked up once.
/// </summary>
internal sealed class CurrentUser(LhlDbContext db, IMemoryCache cache, IOptions<PeopleOptions> options, IConfiguration configuration, ILogger<CurrentUser> logger)
{
    private Person? person;
    private bool resolved;

    public async Task<Person?> GetAsync(ITurnContext context, CancellationToken cancellationToken)
    {
        if (resolved) return person;
        resolved = true;
        var activity = context.Activity;
        if (activity.From is null) return null;

        var people = db.Set<Person>().Include(p => p.Roles);
        switch (context.Authentication())
        {
            case TurnAuthentication.InProcess or TurnAuthentication.LocalDevelopment:
                if (activity.From.AadObjectId is { Length: > 0 } localAad)
                {
                    person = await people.FirstOrDefaultAsync(p => p.AadObjectId == localAad, cancellationToken);
                }
                break;
            case TurnAuthentication.Channel when activity.ChannelId == Channels.Msteams:
                person = await FromTeamsAsync(context, people, cancellationToken);
                break;
            case TurnAuthentication.Channel:
                person = await FromMappedChannelAsync(activity, cancellationToken);
                break;
            default:
                // Proactive turns, or a turn that did not come through the adapter: nobody is vouched for.
                return null;
        }
        if (person is not null) Remember(person, activity);
        return person;
    }

    /// <summary>The person's roles that are in force (approved).</summary>
    public async Task<IReadOnlyList<RoleAssignment>> RolesAsync(ITurnContext context, CancellationToken cancellationToken) =>
        (await GetAsync(context, cancellationToken))?.Roles.Where(r => r.Approved).ToList() ?? [];

    private async Task<Person?> FromTeamsAsync(ITurnContext context, IQueryable<Person> people, CancellationToken cancellationToken)
    {
        var activity = context.Activity;
        var tenant = activity.GetTenantId();
        if (activity.From?.AadObjectId is not { Length: > 0 } aad || tenant is null || !TenantAllowed(tenant))
        {
            logger.LogInformation("A Teams user without an object id or from tenant {Tenant}, which is not allowed, is treated as unknown.", LogText.Safe(tenant));
            return null;
        }
        var found = await people.FirstOrDefaultAsync(p => p.AadObjectId == aad, cancellationToken);
        if (found is not null)
        {
            return found.TenantId is null || string.Equals(found.TenantId, tenant, StringComparison.OrdinalIgnoreCase) ? found : null;
        }
        found = await FindByRosterAsync(context, people, cancellationToken);
        // The roster's e-mail finds a person not yet tied to an object id; one tied to another id is someone else.
        return found is { AadObjectId: null } ? found : null;
    }

    private bool TenantAllowed(string tenant)
    {
        var allowed = options.Value.AllowedTenantIds is { Count: > 0 } list ? list
            : configuration["MicrosoftAppTenantId"] is { Length: > 0 } own ? [own] : null;
        return allowed is null || allowed.Contains(tenant, StringComparer.OrdinalIgnoreCase);
    }

    private async Task<Person?> FromMappedChannelAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.ChannelId is not { Length: > 0 } channel || activity.From?.Id is not { Length: > 0 } userId) return null;
        var mapping = await db.Set<ChannelIdentity>().AsNoTracking().FirstOrDefaultAsync(m => m.ChannelId == channel && m.UserId == userId, cancellationToken);
        return mapping is null ? null : await db.Set<Person>().Include(p => p.Roles).FirstOrDefaultAsync(p => p.Id == mapping.PersonId, cancellationToken);
    }

    private async Task<Person?> FindByRosterAsync(ITurnContext context, IQueryable<Person> people, CancellationToken cancellationToken)
    {
        var activity = context.Activity;
        if (activity.ServiceUrl is null || activity.Conversation?.Id is null || activity.From?.Id is null) return null;
        var keys = await RosterKeysAsync(context, activity.ServiceUrl, activity.Conversation.Id, activity.From.Id, cancellationToken);
        if (keys.Count == 0) return null;
        var found = await people.FirstOrDefaultAsync(p => p.Email != null && keys.Contains(p.Email), cancellationToken);
        if (found is not null) logger.LogInformation("Recognised person {PersonId} by e-mail from the Teams roster.", found.Id);
        return found;
    }

    /// <summary>
    /// The member's e-mail and UPN from the roster, cached (also when empty), and bounded in time: with the connector
    /// unreachable, one turn waits <see cref="PeopleOptions.RosterLookupTimeout"/> and the next ones not at all.
    /// </summary>
    private async Task<IReadOnlyList<string>> RosterKeysAsync(ITurnContext context, string serviceUrl, string conversationId, string userId, CancellationToken cancellationToken)
    {
        var cacheKey = $"roster:{serviceUrl}:{userId}";
        if (cache.TryGetValue(cacheKey, out IReadOnlyList<string>? cached) && cached is not null) return cached;
        IReadOnlyList<string> keys = [];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.RosterLookupTimeout);
        try
        {
            var member = await context.Connector.GetConversationMemberAsync(serviceUrl, conversationId, userId, timeout.Token);
            keys = new[] { member?.Email, member?.UserPrincipalName }
                .Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k!.Trim().ToLowerInvariant()).Distinct().ToList();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The Teams roster did not answer within {Timeout}; the user is treated as unknown for {Duration}.", options.Value.RosterLookupTimeout, options.Value.RosterCacheDuration);
        }
        cache.Set(cacheKey, keys, options.Value.RosterCacheDuration);
        return keys;
    }

    /// <summary>Keeps ids and the 1:1 conversation reference current (serviceUrl can change), saved with the turn.</summary>
    private void Remember(Person found, Activity activity)
    {
        if (activity.From?.AadObjectId is { Length: > 0 } aad && found.AadObjectId is null) found.AadObjectId = aad;
        if (activity.ChannelId == Channels.Msteams && activity.GetTenantId() is { } tenant && found.TenantId is null) found.TenantId = tenant;
        if (activity.From?.Id is { Length: > 0 } id) found.ChannelUserId = id;
        if (activity.Conversation?.ConversationType is null or "personal")
        {
            found.ConversationReferenceJson = System.Text.Json.JsonSerializer.Serialize(activity.GetConversationReference(), ProtocolJson.Options);
        }
    }
}
