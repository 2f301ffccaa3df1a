using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace LhlBot.Protocol;

/// <summary>
/// The channel's signing keys from its OpenID metadata. Routine caching is ConfigurationManager's; a token
/// signed with a key we do not know triggers one direct refresh (keys rotate), throttled so that made-up
/// key ids cannot make us fetch metadata on every request.
/// </summary>
/// <remarks>
/// We fetch directly on an unknown kid because ConfigurationManager 8.x refreshes in the background after
/// RequestRefresh and would hand back the stale keys to this very request. The refreshed set is kept next to the
/// manager's, which keeps its own schedule.
/// </remarks>
internal sealed class OpenIdMetadataCache
{
    public const string HttpClientName = "LhlBot.OpenIdMetadata";

    private static readonly TimeSpan MinimumForcedRefreshInterval = TimeSpan.FromMinutes(1);

    private readonly ConfigurationManager<OpenIdConnectConfiguration> _manager;
    private readonly IDocumentRetriever _documentRetriever;
    private readonly string _metadataUrl;
    private readonly TimeProvider _time;
    private readonly ILogger<OpenIdMetadataCache> _logger;
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private OpenIdConnectConfiguration? _refreshed;
    private DateTimeOffset _lastForcedRefresh = DateTimeOffset.MinValue;

    public OpenIdMetadataCache(IOptions<BotFrameworkOptions> options, IHttpClientFactory httpClientFactory, TimeProvider time, ILogger<OpenIdMetadataCache> logger)
    {
        _metadataUrl = options.Value.OpenIdMetadataUrl;
        _documentRetriever = new HttpDocumentRetriever(httpClientFactory.CreateClient(HttpClientName))
        {
            RequireHttps = options.Value.RequireHttpsMetadata,
        };
        _manager = new ConfigurationManager<OpenIdConnectConfiguration>(_metadataUrl, new OpenIdConnectConfigurationRetriever(), _documentRetriever);
        _time = time;
        _logger = logger;
    }

    /// <summary>How many times the metadata was fetched outside the routine schedule (for diagnostics and tests).</summary>
    public int ForcedRefreshCount { get; private set; }

    /// <summary>The key with this id, or null if it is unknown even after one refresh.</summary>
    public async Task<JsonWebKey?> FindKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        var configuration = await _manager.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        var key = Find(configuration, keyId) ?? Find(_refreshed, keyId);
        if (key is not null)
        {
            return key;
        }

        await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another request may have refreshed while we waited.
            key = Find(_refreshed, keyId);
            if (key is not null || _time.GetUtcNow() - _lastForcedRefresh < MinimumForcedRefreshInterval)
            {
                return key;
            }

            _lastForcedRefresh = _time.GetUtcNow();
            ForcedRefreshCount++;
            _logger.LogInformation("Signing key {KeyId} is unknown; refreshing OpenID metadata from {Url}", keyId, _metadataUrl);
            _refreshed = await OpenIdConnectConfigurationRetriever.GetAsync(_metadataUrl, _documentRetriever, cancellationToken).ConfigureAwait(false);
            return Find(_refreshed, keyId);
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    private static JsonWebKey? Find(OpenIdConnectConfiguration? configuration, string keyId) =>
        configuration?.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, keyId, StringComparison.Ordinal));
}
