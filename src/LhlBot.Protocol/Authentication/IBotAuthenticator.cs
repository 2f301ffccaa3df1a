using System.Net;
using System.Security.Claims;

namespace LhlBot.Protocol;

/// <summary>Decides whether an inbound request may run a turn (the SDK's JwtTokenValidation).</summary>
internal interface IBotAuthenticator
{
    Task<AuthenticationResult> AuthenticateAsync(string? authorizationHeader, IPAddress? remoteAddress, Activity activity, CancellationToken cancellationToken);
}

/// <summary>The outcome of authenticating one request; <see cref="FailureReason"/> is for logs only.</summary>
internal sealed record AuthenticationResult(bool Succeeded, bool IsAnonymous, ClaimsIdentity? Identity, string? FailureReason)
{
    public static AuthenticationResult Authenticated(ClaimsIdentity identity) => new(true, false, identity, null);

    public static AuthenticationResult Anonymous() => new(true, true, null, null);

    public static AuthenticationResult Failed(string reason) => new(false, false, null, reason);
}
