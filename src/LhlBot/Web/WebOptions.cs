namespace LhlBot.Web;

/// <summary>The "Web" section: the chat page and the status dashboard (the Teams tab).</summary>
internal sealed class WebOptions
{
    /// <summary>
    /// Serve the chat page also when an app id is set; callers then sign in with Entra ID (a bearer token, as the
    /// Teams tab gets by SSO). Off by default: in production people talk to the bot in Teams.
    /// </summary>
    public bool ChatInProduction { get; set; }

    /// <summary>The bot's address as users reach it (the Teams tab's host in production), for links to the dashboard.</summary>
    public string PublicUrl { get; set; } = "http://localhost:3978";

    /// <summary>A chat message longer than this is refused with a Norwegian message (Teams' own limit is about 28 KB).</summary>
    public int MaxTextLength { get; set; } = 4000;

    /// <summary>Largest request body the web endpoints read (a card submit with every answer is a few KB).</summary>
    public long MaxRequestBytes { get; set; } = 64 * 1024;

    public EntraOptions Entra { get; set; } = new();
}

/// <summary>How the tab's Entra ID (Teams SSO) tokens are validated.</summary>
internal sealed class EntraOptions
{
    /// <summary>The tenant whose users may sign in; defaults to MicrosoftAppTenantId.</summary>
    public string? TenantId { get; set; }

    /// <summary>
    /// Accepted audiences: the tab's Application ID URI (api://HOST/APP-ID, as in the manifest's
    /// webApplicationInfo.resource) and/or its client id. Defaults to MicrosoftAppId.
    /// </summary>
    public List<string> Audiences { get; set; } = [];

    /// <summary>OpenID metadata; {tenant} is replaced by the tenant id.</summary>
    public string MetadataUrl { get; set; } = "https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration";

    /// <summary>Only tests that serve metadata on http loopback turn this off.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
