using System.Net;
using LhlBot.Chat;
using LhlBot.People;
using LhlBot.Protocol;
using LhlBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LhlBot.Web;

/// <summary>Who calls a web endpoint: a stable user id for the channel, the Entra object id the bot knows people by.</summary>
internal sealed record WebCaller(string UserId, string Name, string AadObjectId, string? Email);

/// <summary>
/// Identifies the caller of the chat page's and the dashboard's endpoints. Without an app id (local development)
/// the persona picker's header names a demo person, accepted only from this machine, as /api/messages is.
/// With an app id the caller must send an Entra ID bearer token (Teams SSO), which is validated.
/// </summary>
internal sealed class WebSignIn(IOptions<BotFrameworkOptions> bot, EntraTokenValidator entra, LhlDbContext db)
{
    public const string PersonaHeader = "X-LhlBot-Persona";

    public bool LocalMode => !bot.Value.IsAuthenticationEnabled;

    /// <returns>The caller, or a problem to answer with (401, 403 or 400 with a Norwegian message).</returns>
    public async Task<(WebCaller? Caller, IResult? Problem)> IdentifyAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (LocalMode)
        {
            var remote = http.Connection.RemoteIpAddress;
            if (remote is not null && !IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote))
            {
                return (null, Problem(StatusCodes.Status403Forbidden, "Uten MicrosoftAppId svarer boten bare på forespørsler fra denne maskinen."));
            }
            var key = http.Request.Headers[PersonaHeader].ToString();
            if (Personas.Find(string.IsNullOrWhiteSpace(key) ? "kontakt" : key) is not { } persona)
            {
                return (null, Problem(StatusCodes.Status400BadRequest, $"Ukjent rolle «{key}». Velg en av: {Personas.Keys}."));
            }
            return (new WebCaller($"webchat:{persona.Key}", persona.Name, persona.AadObjectId, null), null);
        }

        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
        {
            return (null, Problem(StatusCodes.Status401Unauthorized, "Du må være logget inn. Åpne siden i Teams, eller logg inn med Microsoft-kontoen din."));
        }
        var user = await entra.ValidateAsync(header[7..].Trim(), cancellationToken);
        if (user is null)
        {
            return (null, Problem(StatusCodes.Status401Unauthorized, "Innloggingen kunne ikke bekreftes. Last siden på nytt for å logge inn igjen."));
        }
        return (new WebCaller($"aad:{user.ObjectId}", user.Name, user.ObjectId, user.Email), null);
    }

    /// <summary>The person behind the caller, with roles: by Entra object id, failing that by e-mail; null if unknown.</summary>
    public async Task<Person?> PersonAsync(WebCaller caller, CancellationToken cancellationToken)
    {
        var people = db.Set<Person>().Include(p => p.Roles).AsNoTracking();
        var person = await people.FirstOrDefaultAsync(p => p.AadObjectId == caller.AadObjectId, cancellationToken);
        if (person is null && caller.Email is { Length: > 0 } email)
        {
            var key = email.Trim().ToLowerInvariant();
            person = await people.FirstOrDefaultAsync(p => p.Email == key, cancellationToken);
        }
        return person;
    }

    public static IResult Problem(int status, string message) => Results.Json(new { error = message }, statusCode: status);
}
