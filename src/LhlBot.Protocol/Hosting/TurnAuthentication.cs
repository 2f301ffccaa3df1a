namespace LhlBot.Protocol;

/// <summary>How the adapter came to trust a turn's activity, so the bot can decide how far to trust who it says it is from.</summary>
public enum TurnAuthentication
{
    /// <summary>Run in-process by the application itself (terminal chat, tests): as trusted as the process.</summary>
    InProcess,
    /// <summary>Local-development mode (no app id): an unauthenticated request from this machine.</summary>
    LocalDevelopment,
    /// <summary>A channel's JWT was validated: the channel vouches for the activity, and for what it says of the user.</summary>
    Channel,
    /// <summary>A proactive turn the bot started itself (ContinueConversation): there is no user in it.</summary>
    Proactive,
}

public static class TurnAuthenticationExtensions
{
    /// <summary>TurnState key of the turn's <see cref="TurnAuthentication"/>.</summary>
    public const string Key = "BotFramework.TurnAuthentication";

    /// <summary>How the turn was authenticated; null when the turn did not come through the adapter.</summary>
    public static TurnAuthentication? Authentication(this ITurnContext turn) =>
        turn.TurnState.TryGetValue(Key, out var value) && value is TurnAuthentication authentication ? authentication : null;
}
