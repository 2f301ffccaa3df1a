using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LhlBot.Protocol;

/// <summary>
/// Validates the channel's JWT as the Bot Framework spec requires: signature by a key from the OpenID metadata,
/// RS256/384/512, issuer, audience = our app id, lifetime (5 min skew), the key endorsed for the activity's
/// channel, and the serviceurl claim equal to the activity's serviceUrl. With no app id configured, only
/// anonymous requests from this machine are let in (local development).
/// </summary>
internal sealed class BotAuthenticator : IBotAuthenticator
{
    private const string BearerScheme = "Bearer";
    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly BotFrameworkOptions _options;
    private readonly OpenIdMetadataCache _keys;
    private readonly JsonWebTokenHandler _handler = new();

    public BotAuthenticator(IOptions<BotFrameworkOptions> options, OpenIdMetadataCache keys)
    {
        _options = options.Value;
        _keys = keys;
    }

    public async Task<AuthenticationResult> AuthenticateRequestAsync(string? authorizationHeader, IPAddress? remoteAddress, CancellationToken cancellationToken)
    {
        if (!_options.IsAuthenticationEnabled)
        {
            // The in-process TestServer has no remote address; it is as local as it gets.
            return remoteAddress is null || IPAddress.IsLoopback(remoteAddress.IsIPv4MappedToIPv6 ? remoteAddress.MapToIPv4() : remoteAddress)
                ? AuthenticationResult.Anonymous()
                : AuthenticationResult.Failed($"authentication is disabled and the request came from {remoteAddress}, not loopback");
        }

        if (string.IsNullOrEmpty(authorizationHeader))
        {
            return AuthenticationResult.Failed("no Authorization header");
        }

        // The scheme is case-insensitive (RFC 9110 §11.1): «bearer» is as good as «Bearer».
        var space = authorizationHeader.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || !string.Equals(authorizationHeader[..space], BearerScheme, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticationResult.Failed("Authorization scheme is not Bearer");
        }

        var token = authorizationHeader[(space + 1)..].Trim();
        if (!_handler.CanReadToken(token))
        {
            return AuthenticationResult.Failed("the bearer token is not a JWT");
        }

        JsonWebToken jwt;
        try
        {
            jwt = _handler.ReadJsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException or FormatException or JsonException)
        {
            // Three dot-separated parts that are not base64url JSON: malformed, so unauthenticated — never a 500.
            return AuthenticationResult.Failed($"the bearer token is malformed ({ex.GetType().Name})");
        }
        if (string.IsNullOrEmpty(jwt.Kid))
        {
            return AuthenticationResult.Failed("the token names no signing key (kid)");
        }

        JsonWebKey? key;
        try
        {
            key = await _keys.FindKeyAsync(jwt.Kid, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or HttpRequestException)
        {
            // Without the signing keys nothing can be trusted: fail closed, but as 503 so that the channel retries.
            return AuthenticationResult.KeysUnavailable($"the OpenID metadata could not be fetched ({ex.GetType().Name}: {ex.Message})");
        }
        if (key is null)
        {
            return AuthenticationResult.Failed($"signing key {jwt.Kid} is not in the OpenID metadata, even after a refresh");
        }

        var validation = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = _options.TokenIssuer,
            ValidAudience = _options.MicrosoftAppId,
            IssuerSigningKey = key,
            TryAllIssuerSigningKeys = false,
            ValidAlgorithms = AllowedAlgorithms,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromMinutes(5),
        }).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            return AuthenticationResult.Failed($"token rejected: {validation.Exception?.GetType().Name}: {validation.Exception?.Message}");
        }

        return AuthenticationResult.Authenticated(validation.ClaimsIdentity, GetEndorsements(key)) with { KeyId = key.Kid };
    }

    public AuthenticationResult AuthorizeActivity(AuthenticationResult request, Activity activity)
    {
        if (!request.Succeeded || request.IsAnonymous || request.Identity is null)
        {
            return request;
        }

        if (string.IsNullOrEmpty(activity.ChannelId) || !request.Endorsements.Contains(activity.ChannelId, StringComparer.Ordinal))
        {
            return AuthenticationResult.Failed($"signing key {request.KeyId} is not endorsed for channel '{activity.ChannelId}'");
        }

        var serviceUrlClaim = request.Identity.FindFirst("serviceurl")?.Value;
        if (string.IsNullOrEmpty(serviceUrlClaim) || !string.Equals(serviceUrlClaim, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticationResult.Failed($"serviceurl claim '{serviceUrlClaim}' does not match the activity's serviceUrl '{activity.ServiceUrl}'");
        }

        return request;
    }

    /// <summary>The key's "endorsements" array: the channels that may use it. IdentityModel keeps unknown JWK members in AdditionalData.</summary>
    private static IReadOnlyCollection<string> GetEndorsements(JsonWebKey key)
    {
        if (!key.AdditionalData.TryGetValue("endorsements", out var value) || value is null)
        {
            return [];
        }

        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList(),
            string single => [single],
            IEnumerable<object> items => items.OfType<string>().ToList(),
            _ => [],
        };
    }
}
