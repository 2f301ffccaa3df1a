namespace LhlBot.Protocol;

/// <summary>The bot's bearer token for calls to the Bot Connector.</summary>
internal interface IAccessTokenProvider
{
    /// <summary>The token, or null when none can be had (no app id configured, or the token endpoint failed; the latter is logged).</summary>
    Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken);
}
