using System.Security.Claims;
using LhlBot.Protocol;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace LhlBot.Web;

/// <summary>Who an Entra ID token says the caller is.</summary>
internal sealed record EntraUser(string ObjectId, string Name, string? Email);

/// <summary>
/// Validates the Entra ID access token the Teams tab gets by SSO (microsoftTeams.authentication.getAuthToken):
/// signature against the tenant's OpenID keys (fetched and cached by ConfigurationManager, refreshed on an unknown
/// key), issuer of the configured tenant (v1 or v2), audience, lifetime. The user is the token's oid.
/// </summary>
internal sealed class EntraTokenValidator
{
    public const string HttpClientName = "LhlBot.EntraMetadata";

    private readonly ConfigurationManager<OpenIdConnectConfiguration>? manager;
    private readonly string? tenant;
    private readonly List<string> audiences;
    private readonly ILogger<EntraTokenValidator> logger;
    private readonly JsonWebTokenHandler handler = new();

    public EntraTokenValidator(IOptions<WebOptions> web, IOptions<BotFrameworkOptions> bot, IHttpClientFactory httpClients, ILogger<EntraTokenValidator> logger)
    {
        var entra = web.Value.Entra;
        this.logger = logger;
        tenant = string.IsNullOrWhiteSpace(entra.TenantId) ? bot.Value.MicrosoftAppTenantId : entra.TenantId;
        audiences = entra.Audiences.Where(a => !string.IsNullOrWhiteSpace(a)).ToList();
        if (audiences.Count == 0 && !string.IsNullOrWhiteSpace(bot.Value.MicrosoftAppId)) audiences.Add(bot.Value.MicrosoftAppId);
        if (string.IsNullOrWhiteSpace(tenant) || audiences.Count == 0) return;
        var retriever = new HttpDocumentRetriever(httpClients.CreateClient(HttpClientName)) { RequireHttps = entra.RequireHttpsMetadata };
        manager = new ConfigurationManager<OpenIdConnectConfiguration>(
            entra.MetadataUrl.Replace("{tenant}", tenant, StringComparison.Ordinal), new OpenIdConnectConfigurationRetriever(), retriever);
    }

    /// <summary>Whether sign-in can work at all: a tenant and an audience are configured.</summary>
    public bool IsConfigured => manager is not null;

    /// <returns>The user, or null with the reason logged (the caller answers 401).</returns>
    public async Task<EntraUser?> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (manager is null)
        {
            logger.LogWarning("A web sign-in was refused: Web:Entra has no tenant (MicrosoftAppTenantId) or audience.");
            return null;
        }
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await manager.GetConfigurationAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or HttpRequestException)
        {
            logger.LogError(ex, "The Entra OpenID metadata could not be read; web sign-in is refused until it can.");
            return null;
        }
        var parameters = new TokenValidationParameters
        {
            ValidAudiences = audiences,
            ValidIssuers = [configuration.Issuer, $"https://sts.windows.net/{tenant}/", $"https://login.microsoftonline.com/{tenant}/v2.0"],
            IssuerSigningKeys = configuration.SigningKeys,
            ConfigurationManager = manager,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromMinutes(5),
            RequireSignedTokens = true,
        };
        var result = await handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid)
        {
            logger.LogWarning("Refused a web sign-in token: {Reason}", result.Exception?.Message);
            return null;
        }
        var claims = result.ClaimsIdentity;
        var oid = claims.FindFirst("oid")?.Value ?? claims.FindFirst("http://schemas.microsoft.com/identity/claims/objectidentifier")?.Value;
        if (string.IsNullOrWhiteSpace(oid))
        {
            logger.LogWarning("Refused a web sign-in token without an oid claim.");
            return null;
        }
        var email = claims.FindFirst("preferred_username")?.Value ?? claims.FindFirst("upn")?.Value ?? claims.FindFirst(ClaimTypes.Email)?.Value;
        return new EntraUser(oid, claims.FindFirst("name")?.Value ?? email ?? "Innlogget bruker", email);
    }
}
