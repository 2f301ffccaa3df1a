namespace LhlBot.Protocol;

/// <summary>
/// The Bot Connector REST API at an activity's serviceUrl (send, reply, update, delete, roster),
/// as the SDK's ConnectorClient. Failures after retries are logged and reported, never thrown at a turn.
/// </summary>
public interface IConnectorClient
{
    Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default);

    Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default);

    Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default);

    Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default);

    /// <summary>GET v3/conversations/{id}/members/{userId}: e-mail and UPN of a Teams user; null when unavailable.</summary>
    Task<TeamsChannelAccount?> GetConversationMemberAsync(string serviceUrl, string conversationId, string userId, CancellationToken cancellationToken = default);

    /// <summary>POST v3/conversations: opens a 1:1 conversation with a user (proactive messages); null when it fails.</summary>
    Task<ConversationReference?> CreateConversationAsync(string serviceUrl, string tenantId, ChannelAccount bot, ChannelAccount user, CancellationToken cancellationToken = default);
}
