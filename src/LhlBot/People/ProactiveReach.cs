using System.Text.Json;
using LhlBot.People.Graph;
using LhlBot.Protocol;
using LhlBot.Storage;
using Microsoft.Extensions.Options;

namespace LhlBot.People;

/// <summary>How a person can be told something outside their own turn.</summary>
internal enum ReachRoute
{
    /// <summary>They have talked to the bot: their 1:1 chat is known.</summary>
    Chat,
    /// <summary>They have not, but Graph is configured: the app is installed for them and the chat it opens is used.</summary>
    Install,
    /// <summary>Neither: the bot cannot tell them; the text must say who tells them instead.</summary>
    None,
}

/// <summary>
/// The one way every job reaches a person proactively (bookings, claims, round reminders): into their stored 1:1
/// chat, or — when they never talked to the bot and Graph is configured — by installing the Teams app for them
/// through Microsoft Graph and writing into the chat that opens. <see cref="RouteOf"/> says beforehand which way
/// (or that there is none), so a confirmation can say honestly who will be told and how.
/// </summary>
internal interface IProactiveReach
{
    ReachRoute RouteOf(Person person);

    /// <returns>True when the message went out.</returns>
    Task<bool> SendAsync(Person person, Activity activity, CancellationToken cancellationToken);
}

internal sealed class ProactiveReach(
    IProactiveMessenger messenger,
    GraphClient graph,
    IOptions<GraphOptions> options,
    IServiceScopeFactory scopes,
    ILogger<ProactiveReach> logger) : IProactiveReach
{
    public ReachRoute RouteOf(Person person) =>
        !string.IsNullOrWhiteSpace(person.ConversationReferenceJson) ? ReachRoute.Chat
        : options.Value.CanInstall && !string.IsNullOrWhiteSpace(person.AadObjectId) ? ReachRoute.Install
        : ReachRoute.None;

    public async Task<bool> SendAsync(Person person, Activity activity, CancellationToken cancellationToken)
    {
        switch (RouteOf(person))
        {
            case ReachRoute.Chat:
                return await messenger.SendAsync(person, activity, cancellationToken);
            case ReachRoute.Install:
                var chatId = await graph.InstallForUserAsync(person.AadObjectId!, cancellationToken);
                if (chatId is null) return false;
                var reference = new ConversationReference
                {
                    ChannelId = Channels.Msteams,
                    ServiceUrl = options.Value.ServiceUrl,
                    Conversation = new ConversationAccount { Id = chatId, ConversationType = "personal", TenantId = options.Value.TenantId },
                    User = new ChannelAccount(person.AadObjectId!, person.Name) { AadObjectId = person.AadObjectId },
                };
                person.ConversationReferenceJson = JsonSerializer.Serialize(reference, ProtocolJson.Options);
                await RememberAsync(person.Id, person.ConversationReferenceJson, cancellationToken);
                return await messenger.SendAsync(person, activity, cancellationToken);
            default:
                logger.LogInformation("Person {PersonId} cannot be reached: no chat with the bot and no Graph installation configured.", person.Id);
                return false;
        }
    }

    /// <summary>The chat the installation opened is stored at once, so the next message goes straight there.</summary>
    private async Task RememberAsync(int personId, string referenceJson, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LhlDbContext>();
        if (await db.Set<Person>().FindAsync([personId], cancellationToken) is { } stored && stored.ConversationReferenceJson is null)
        {
            stored.ConversationReferenceJson = referenceJson;
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}

/// <summary>Honest Norwegian about who will hear of something and how.</summary>
internal static class ReachTexts
{
    /// <summary>«Kari og Per får beskjed i Teams.» / «Ola bruker ikke LhlBot ennå og får ikke beskjed herfra – send en e-post til ola@… .»</summary>
    public static string WhoIsTold(IProactiveReach reach, IEnumerable<Person> people, string what)
    {
        var list = people.DistinctBy(p => p.Id).ToList();
        var told = list.Where(p => reach.RouteOf(p) != ReachRoute.None).Select(p => p.Name).ToList();
        var untold = list.Where(p => reach.RouteOf(p) == ReachRoute.None).ToList();
        var parts = new List<string>();
        if (told.Count > 0) parts.Add($"{Join(told)} får beskjed i Teams med {what}.");
        if (untold.Count > 0)
        {
            var emails = untold.Where(p => p.Email is not null).Select(p => p.Email!).ToList();
            parts.Add($"{Join(untold.Select(p => p.Name).ToList())} har ikke tatt i bruk LhlBot ennå og får ikke beskjed herfra – " +
                      (emails.Count > 0 ? $"send gjerne invitasjonen selv ({string.Join(", ", emails)})." : "gi beskjed selv."));
        }
        return string.Join(" ", parts);
    }

    private static string Join(IReadOnlyList<string> names) =>
        names.Count <= 1 ? string.Join("", names) : string.Join(", ", names.Take(names.Count - 1)) + " og " + names[^1];
}
