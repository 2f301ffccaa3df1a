using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LhlBot.Protocol;

/// <summary>
/// Decides where the bot may call out to. With an app id the bot's access token — a credential for the whole bot —
/// goes only over https to hosts in <see cref="BotFrameworkOptions.EffectiveServiceUrlHosts"/> (the Teams connector
/// by default), or to an origin listed with its scheme. In local-development mode (no app id, no token) only
/// loopback serviceUrls are called, and only in the Development environment (the emulator).
/// </summary>
internal sealed class ServiceUrlTrust(IOptions<BotFrameworkOptions> options, IHostEnvironment environment)
{
    public bool IsTrusted(string serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return false;
        }

        if (!options.Value.IsAuthenticationEnabled)
        {
            return environment.IsDevelopment() && IsLoopback(uri);
        }

        var origin = uri.GetLeftPart(UriPartial.Authority);
        foreach (var allowed in options.Value.EffectiveServiceUrlHosts)
        {
            if (allowed.Contains("://", StringComparison.Ordinal))
            {
                if (string.Equals(allowed.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase)) return true;
            }
            else if (uri.Scheme == Uri.UriSchemeHttps && string.Equals(allowed, uri.Host, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
