using System.Text.Json;
using LhlBot.Protocol;

namespace LhlBot.People;

/// <summary>
/// Sends a message to a person outside of their own turn, into their stored 1:1 conversation (claims to approve,
/// bookings made or cancelled). One way for every job; tests register a recording implementation.
/// </summary>
internal interface IProactiveMessenger
{
    /// <returns>False when the bot has no conversation with the person yet (they never wrote to it).</returns>
    Task<bool> SendAsync(Person person, Activity activity, CancellationToken cancellationToken);
}

/// <summary>Proactive messages through the adapter, into the person's stored 1:1 conversation.</summary>
internal sealed class CloudAdapterMessenger(CloudAdapter adapter, ILogger<CloudAdapterMessenger> logger) : IProactiveMessenger
{
    public async Task<bool> SendAsync(Person person, Activity activity, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(person.ConversationReferenceJson)) return false;
        ConversationReference? reference;
        try
        {
            reference = JsonSerializer.Deserialize<ConversationReference>(person.ConversationReferenceJson, ProtocolJson.Options);
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Unreadable conversation reference for person {PersonId}.", person.Id);
            return false;
        }
        if (reference?.Conversation?.Id is null || reference.ServiceUrl is null) return false;
        ResourceResponse? sent = null;
        await adapter.ContinueConversationAsync(reference, async (turn, ct) => sent = await turn.SendActivityAsync(activity, ct), cancellationToken);
        // The connector answers failures (refused serviceUrl, retries exhausted) with no id: that is not a delivery.
        return !string.IsNullOrEmpty(sent?.Id);
    }
}
