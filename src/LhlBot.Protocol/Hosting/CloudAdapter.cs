using Microsoft.AspNetCore.Http;

namespace LhlBot.Protocol;

/// <summary>Turns an HTTP request from a channel into a turn for the bot, as the SDK's IBotFrameworkHttpAdapter.</summary>
public interface IBotFrameworkHttpAdapter
{
    /// <summary>
    /// Handles POST /api/messages: authenticates (401 on failure), parses (400 on bad JSON or missing type),
    /// runs the turn through middleware and bot, and answers: 200 empty, the invoke response,
    /// or 200 {"activities":[...]} for deliveryMode expectReplies.
    /// </summary>
    Task ProcessAsync(HttpRequest request, HttpResponse response, IBot bot, CancellationToken cancellationToken = default);
}

/// <summary>
/// The adapter, as the SDK's CloudAdapter: runs turns for inbound activities (HTTP or in-process)
/// and continues conversations proactively.
/// CONTRACT ONLY — implemented by the protocol work.
/// </summary>
public sealed class CloudAdapter : IBotFrameworkHttpAdapter
{
    /// <summary>
    /// Runs one turn for an activity that is already trusted (in-process callers: the terminal chat, tests).
    /// Returns the invoke response for invokes, an InvokeResponse with status 200 and an
    /// <see cref="ExpectedReplies"/> body for expectReplies, else null.
    /// </summary>
    public Task<InvokeResponse?> ProcessActivityAsync(Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Sends into an existing conversation outside of a user's turn (proactive message).</summary>
    public Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task ProcessAsync(HttpRequest request, HttpResponse response, IBot bot, CancellationToken cancellationToken = default) => throw new NotImplementedException();
}
