using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LhlBot.Protocol;

/// <summary>
/// Shows "typing…" when answering a message takes longer than <see cref="BotFrameworkOptions.TypingDelay"/>,
/// and keeps it up (Teams clears it after a few seconds) until the turn ends. Not for invokes (they have no
/// chat bubble) nor for expectReplies (nothing is sent until the turn is over).
/// Register it with <c>services.AddSingleton&lt;IMiddleware, ShowTypingMiddleware&gt;()</c>.
/// </summary>
public sealed class ShowTypingMiddleware : IMiddleware
{
    private static readonly TimeSpan RepeatEvery = TimeSpan.FromSeconds(3);

    private readonly TimeSpan _delay;
    private readonly ILogger<ShowTypingMiddleware> _logger;

    public ShowTypingMiddleware(IOptions<BotFrameworkOptions> options, ILogger<ShowTypingMiddleware> logger)
    {
        _delay = options.Value.TypingDelay;
        _logger = logger;
    }

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.Type != ActivityTypes.Message
            || string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.OrdinalIgnoreCase))
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        using var turnOver = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var typing = ShowTypingAsync(turnContext, turnOver.Token);
        try
        {
            await next(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await turnOver.CancelAsync().ConfigureAwait(false);
            await typing.ConfigureAwait(false);
        }
    }

    private async Task ShowTypingAsync(ITurnContext turnContext, CancellationToken turnOver)
    {
        try
        {
            await Task.Delay(_delay, turnOver).ConfigureAwait(false);
            while (!turnOver.IsCancellationRequested)
            {
                await turnContext.SendActivityAsync(new Activity { Type = ActivityTypes.Typing }, turnOver).ConfigureAwait(false);
                await Task.Delay(RepeatEvery, turnOver).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (turnOver.IsCancellationRequested)
        {
            // The turn is over; so is typing.
        }
        catch (Exception ex)
        {
            // A lost typing indicator must not fail the turn.
            _logger.LogWarning(ex, "Could not send a typing indicator");
        }
    }
}
