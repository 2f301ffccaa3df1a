namespace LhlBot.Protocol;

/// <summary>Runs the middleware in registration order around the bot's callback, as the SDK's MiddlewareSet.</summary>
internal sealed class MiddlewarePipeline(IEnumerable<IMiddleware> middleware)
{
    private readonly IMiddleware[] _middleware = [.. middleware];

    public Task RunAsync(ITurnContext turnContext, BotCallbackHandler callback, CancellationToken cancellationToken) =>
        RunFromAsync(0, turnContext, callback, cancellationToken);

    private Task RunFromAsync(int index, ITurnContext turnContext, BotCallbackHandler callback, CancellationToken cancellationToken) =>
        index == _middleware.Length
            ? callback(turnContext, cancellationToken)
            : _middleware[index].OnTurnAsync(turnContext, next => RunFromAsync(index + 1, turnContext, callback, next), cancellationToken);
}
