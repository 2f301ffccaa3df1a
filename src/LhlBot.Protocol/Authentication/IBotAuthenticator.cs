using System.Net;
using System.Security.Claims;

namespace LhlBot.Protocol;

/// <summary>
/// Decides whether an inbound request may run a turn (the SDK's JwtTokenValidation), in two steps so that nothing
/// of an unauthenticated request is read: the token first, from the header alone; then, once the body is read,
/// whether the token fits the activity (its channel and serviceUrl).
/// </summary>
internal interface IBotAuthenticator
{
    /// <summary>Checks the Authorization header (signature, issuer, audience, lifetime), or the remote address when authentication is off.</summary>
    Task<AuthenticationResult> AuthenticateRequestAsync(string? authorizationHeader, IPAddress? remoteAddress, CancellationToken cancellationToken);

    /// <summary>Checks that an authenticated token may speak for this activity: key endorsed for its channel, serviceurl claim equal to its serviceUrl.</summary>
    AuthenticationResult AuthorizeActivity(AuthenticationResult request, Activity activity);
}

/// <summary>The outcome of authenticating one request; <see cref="FailureReason"/> is for logs only.</summary>
internal sealed record AuthenticationResult(bool Succeeded, bool IsAnonymous, ClaimsIdentity? Identity, string? FailureReason)
{
    /// <summary>The id of the key that signed the token.</summary>
    public string? KeyId { get; init; }

    /// <summary>The channels the signing key is endorsed for.</summary>
    public IReadOnlyCollection<string> Endorsements { get; init; } = [];

    /// <summary>The token could not be checked because the channel's signing keys could not be fetched: the channel should retry (503).</summary>
    public bool Unavailable { get; init; }

    public static AuthenticationResult Authenticated(ClaimsIdentity identity, IReadOnlyCollection<string> endorsements) =>
        new(true, false, identity, null) { Endorsements = endorsements };

    public static AuthenticationResult Anonymous() => new(true, true, null, null);

    public static AuthenticationResult Failed(string reason) => new(false, false, null, reason);

    public static AuthenticationResult KeysUnavailable(string reason) => new(false, false, null, reason) { Unavailable = true };
}
