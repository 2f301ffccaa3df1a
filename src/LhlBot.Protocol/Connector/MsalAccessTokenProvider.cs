using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace LhlBot.Protocol;

/// <summary>
/// Client-credentials tokens from Entra ID via MSAL. One application instance for the process: its in-memory
/// cache hands out the same token until shortly before expiry, so the token endpoint is not called per send.
/// </summary>
/// <remarks>
/// MSAL refuses an authority that is not https, so tests point <see cref="BotFrameworkOptions.LoginAuthorityHost"/>
/// at a loopback https endpoint and configure the <see cref="MsalHttpClientFactory.HttpClientName"/> client to trust
/// its certificate; instance discovery and authority validation are off so that host is accepted as is.
/// </remarks>
internal sealed class MsalAccessTokenProvider : IAccessTokenProvider
{
    private readonly IConfidentialClientApplication? _application;
    private readonly string[] _scopes;
    private readonly ILogger<MsalAccessTokenProvider> _logger;

    public MsalAccessTokenProvider(IOptions<BotFrameworkOptions> options, IHttpClientFactory httpClientFactory, ILogger<MsalAccessTokenProvider> logger)
    {
        var settings = options.Value;
        _scopes = [settings.OAuthScope];
        _logger = logger;
        if (!settings.IsAuthenticationEnabled)
        {
            return;
        }
        if (string.IsNullOrWhiteSpace(settings.MicrosoftAppPassword))
        {
            // Inbound validation works without a secret; only outbound replies need one. Say so loudly
            // instead of failing the whole host on a half-finished configuration.
            logger.LogError("MicrosoftAppId is set but MicrosoftAppPassword is empty: incoming requests are validated, but replies to the channel cannot be authorised.");
            return;
        }

        _application = ConfidentialClientApplicationBuilder.Create(settings.MicrosoftAppId)
            .WithClientSecret(settings.MicrosoftAppPassword)
            .WithAuthority($"{settings.LoginAuthorityHost.TrimEnd('/')}/{Tenant(settings)}", validateAuthority: false)
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(new MsalHttpClientFactory(httpClientFactory))
            .Build();
    }

    public async Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        if (_application is null)
        {
            return null;
        }

        try
        {
            var result = await _application.AcquireTokenForClient(_scopes).ExecuteAsync(cancellationToken).ConfigureAwait(false);
            return result.AccessToken;
        }
        catch (MsalException ex)
        {
            _logger.LogError(ex, "Could not get a Bot Connector token from Entra ID ({ErrorCode})", ex.ErrorCode);
            return null;
        }
        catch (HttpRequestException ex)
        {
            _logger.LogError(ex, "Could not reach the token endpoint for a Bot Connector token");
            return null;
        }
    }

    private static string Tenant(BotFrameworkOptions settings)
    {
        if (string.Equals(settings.MicrosoftAppType, "MultiTenant", StringComparison.OrdinalIgnoreCase))
        {
            return "botframework.com";
        }

        if (string.Equals(settings.MicrosoftAppType, "SingleTenant", StringComparison.OrdinalIgnoreCase))
        {
            return string.IsNullOrWhiteSpace(settings.MicrosoftAppTenantId)
                ? throw new InvalidOperationException("MicrosoftAppType is SingleTenant but MicrosoftAppTenantId is not set.")
                : settings.MicrosoftAppTenantId;
        }

        throw new InvalidOperationException($"MicrosoftAppType '{settings.MicrosoftAppType}' is not supported (MultiTenant or SingleTenant).");
    }
}
