using System.Text.Json;

namespace LhlBot.Protocol;

/// <summary>Conveniences on <see cref="ITurnContext"/>, as the SDK's overloads.</summary>
public static class TurnContextExtensions
{
    /// <summary>Sends a plain (markdown) text message.</summary>
    public static Task<ResourceResponse> SendActivityAsync(this ITurnContext turnContext, string text, CancellationToken cancellationToken = default) =>
        turnContext.SendActivityAsync(MessageFactory.Text(text), cancellationToken);

    /// <summary>
    /// Sets the HTTP answer to an invoke: the SDK's way, an activity of type <c>invokeResponse</c> whose value is the
    /// <see cref="InvokeResponse"/>. It is kept in the turn, not sent to the channel; the last one wins.
    /// Without one the adapter answers an invoke with 501.
    /// </summary>
    public static Task SendInvokeResponseAsync(this ITurnContext turnContext, int status, object? body = null, CancellationToken cancellationToken = default) =>
        turnContext.SendActivityAsync(new Activity
        {
            Type = ActivityTypes.InvokeResponse,
            Value = JsonSerializer.SerializeToNode(new InvokeResponse { Status = status, Body = body }, ProtocolJson.Options),
        }, cancellationToken);
}
