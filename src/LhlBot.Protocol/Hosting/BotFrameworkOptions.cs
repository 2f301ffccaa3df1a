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

    /// <summary>Hosts a serviceUrl may point to; empty means any host from an authenticated activity.</summary>
    public List<string> AllowedServiceUrlHosts { get; set; } = [];

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
