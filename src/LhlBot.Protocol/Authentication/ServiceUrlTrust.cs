using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace LhlBot.Protocol;

/// <summary>
/// Decides where the bot's access token may go. A token is a credential for the whole bot, so it is only sent to
/// hosts in <see cref="BotFrameworkOptions.AllowedServiceUrlHosts"/>, or, when that list is empty, to serviceUrls
/// that arrived in activities whose JWT we validated (the spec's rule: never trust an unauthenticated serviceUrl).
/// </summary>
internal sealed class ServiceUrlTrust(IOptions<BotFrameworkOptions> options)
{
    private readonly ConcurrentDictionary<string, byte> _authenticatedOrigins = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Remembers the serviceUrl of an activity whose token was valid.</summary>
    public void TrustAuthenticated(string? serviceUrl)
    {
        if (TryGetOrigin(serviceUrl, out var origin))
        {
            _authenticatedOrigins.TryAdd(origin, 0);
        }
    }

    public bool IsTrusted(string serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri))
        {
            return false;
        }

        var allowedHosts = options.Value.AllowedServiceUrlHosts;
        if (allowedHosts.Count > 0)
        {
            return allowedHosts.Any(host => string.Equals(host, uri.Host, StringComparison.OrdinalIgnoreCase));
        }

        return TryGetOrigin(serviceUrl, out var origin) && _authenticatedOrigins.ContainsKey(origin);
    }

    private static bool TryGetOrigin(string? serviceUrl, out string origin)
    {
        origin = "";
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri))
        {
            return false;
        }

        origin = uri.GetLeftPart(UriPartial.Authority);
        return true;
    }
}
