namespace LhlBot.People.Graph;

/// <summary>
/// Microsoft Graph, for reaching people who never talked to the bot (installing the Teams app for them) and for
/// Teams meeting links. Bound from the "Graph" section; off unless <see cref="TeamsAppId"/> and a tenant are set.
/// The app registration needs TeamsAppInstallation.ReadWriteForUser.All and, for meeting links,
/// OnlineMeetings.ReadWrite.All with an application access policy (admin consent in the tenant).
/// </summary>
internal sealed class GraphOptions
{
    public const string Section = "Graph";

    /// <summary>The Graph REST root; tests point it at a fake on loopback.</summary>
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0/";

    /// <summary>The app's id in the tenant's Teams app catalog (not the bot's app id); empty: no installations.</summary>
    public string TeamsAppId { get; set; } = "";

    /// <summary>The tenant the people are in (for the token and the chats).</summary>
    public string TenantId { get; set; } = "";

    /// <summary>The Bot Connector service URL for chats created by an installation (the region's smba host).</summary>
    public string ServiceUrl { get; set; } = "https://smba.trafficmanager.net/emea/";

    /// <summary>Create a Teams meeting (onlineMeetings) for «Teams-møte» bookings, organised by the first advisor.</summary>
    public bool OnlineMeetings { get; set; }

    /// <summary>Where client-credentials tokens come from (Entra ID); the app id and secret are the bot's own.</summary>
    public string LoginAuthorityHost { get; set; } = "https://login.microsoftonline.com";

    public bool CanInstall => TeamsAppId.Length > 0 && TenantId.Length > 0;
}
