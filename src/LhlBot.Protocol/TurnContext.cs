namespace LhlBot.Protocol;

/// <summary>Handles one turn; the bot's entry point, as in the SDK.</summary>
public interface IBot
{
    Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}

public delegate Task BotCallbackHandler(ITurnContext turnContext, CancellationToken cancellationToken);

public delegate Task NextDelegate(CancellationToken cancellationToken);

/// <summary>Runs around every turn (de-duplication, typing indicator, ...), as in the SDK.</summary>
public interface IMiddleware
{
    Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken);
}

/// <summary>The context of one turn: the incoming activity and the ways to answer it.</summary>
public interface ITurnContext
{
    Activity Activity { get; }

    /// <summary>True once anything was sent in this turn.</summary>
    bool Responded { get; }

    /// <summary>Per-turn values shared between middleware and the bot.</summary>
    IDictionary<string, object> TurnState { get; }

    Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    Task<ResourceResponse[]> SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default);

    Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken = default);

    /// <summary>The connector for this turn's channel (roster look-ups and the like).</summary>
    IConnectorClient Connector { get; }
}
