namespace LhlBot.Protocol;

/// <summary>
/// Bot Builder's configuration keys, read from the configuration root
/// (MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppTenantId, MicrosoftAppType);
/// everything else from the section "BotFramework".
/// </summary>
public sealed class BotFrameworkOptions
{
    public string? MicrosoftAppId { get; set; }
    public string? MicrosoftAppPassword { get; set; }
    public string? MicrosoftAppTenantId { get; set; }
    /// <summary>MultiTenant or SingleTenant.</summary>
    public string MicrosoftAppType { get; set; } = "MultiTenant";

    /// <summary>Bot Framework OpenID metadata for inbound tokens (public cloud by default).</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public string TokenIssuer { get; set; } = "https://api.botframework.com";
    /// <summary>Authority host for outbound tokens; the tenant (botframework.com or the bot's own) is appended.</summary>
    public string LoginAuthorityHost { get; set; } = "https://login.microsoftonline.com";
    public string OAuthScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>
    /// Whether the OpenID metadata and its keys must be fetched over https. Only tests that serve
    /// metadata on an http loopback port turn this off.
    /// </summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The Teams connector hosts (commercial and GCC clouds): where a production bot's token may go by default.</summary>
    public static readonly IReadOnlyList<string> TeamsServiceUrlHosts = ["smba.trafficmanager.net", "smba.infra.gcc.teams.microsoft.com"];

    /// <summary>
    /// Where the bot's token may go: host names (https only), or origins with a scheme ("http://127.0.0.1:5000") to
    /// allow exactly that one. Unset means <see cref="TeamsServiceUrlHosts"/>; other channels must be listed.
    /// </summary>
    public List<string>? AllowedServiceUrlHosts { get; set; }

    /// <summary>The allow-list in force.</summary>
    public IReadOnlyList<string> EffectiveServiceUrlHosts => AllowedServiceUrlHosts is { Count: > 0 } configured ? configured : TeamsServiceUrlHosts;

    /// <summary>Largest request body read; Teams activities are well under this. Larger bodies get 413 without being read.</summary>
    public long MaxActivityBytes { get; set; } = 1024 * 1024;

    /// <summary>Failed authentications one remote address may cause per <see cref="FailedAuthenticationWindow"/> before it gets 429.</summary>
    public int FailedAuthenticationPermitLimit { get; set; } = 20;

    /// <summary>The window of <see cref="FailedAuthenticationPermitLimit"/>.</summary>
    public TimeSpan FailedAuthenticationWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Rejected requests are logged as one summary line per interval, not one line each.</summary>
    public TimeSpan RejectionLogInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Connector retries for 429/412/502/503/504 before giving up.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>First connector retry delay; it doubles per attempt (with jitter) unless the service sends Retry-After.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Upper bound for any single retry wait, Retry-After included.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>After this long a turn shows a typing indicator.</summary>
    public TimeSpan TypingDelay { get; set; } = TimeSpan.FromMilliseconds(1500);

    public bool IsAuthenticationEnabled => !string.IsNullOrWhiteSpace(MicrosoftAppId);
}
