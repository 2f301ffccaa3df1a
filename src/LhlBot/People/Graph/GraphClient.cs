using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace LhlBot.People.Graph;

/// <summary>Where Graph's access tokens come from (client credentials of the bot's app registration).</summary>
internal interface IGraphTokenSource
{
    /// <returns>Null when no token can be had (no credentials configured, Entra ID unreachable).</returns>
    Task<string?> GetTokenAsync(CancellationToken cancellationToken);
}

/// <summary>
/// A typed client for the few Microsoft Graph v1.0 REST calls the bot makes: installing its Teams app for a user
/// (teamwork/installedApps), finding the 1:1 chat that installation opens, and creating an online meeting.
/// Retries and timeouts come from the standard resilience handler on its HttpClient. Every failure is returned
/// as null (and logged): a message that cannot be delivered is reported honestly, never thrown at a user.
/// </summary>
internal sealed class GraphClient(IHttpClientFactory clients, IGraphTokenSource tokens, IOptions<GraphOptions> options, ILogger<GraphClient> logger)
{
    /// <summary>The named HttpClient, with the standard resilience handler (retries with back-off, timeouts, circuit breaker).</summary>
    public const string HttpClientName = "graph";

    private GraphOptions Settings => options.Value;

    /// <summary>Installs the bot's Teams app for the user (or finds it installed) and returns the chat id of their 1:1 chat with the bot.</summary>
    public async Task<string?> InstallForUserAsync(string userId, CancellationToken cancellationToken)
    {
        var user = Uri.EscapeDataString(userId);
        var installation = await FindInstallationAsync(user, cancellationToken);
        if (installation is null)
        {
            var body = new JsonObject { ["teamsApp@odata.bind"] = $"{Settings.BaseUrl.TrimEnd('/')}/appCatalogs/teamsApps/{Uri.EscapeDataString(Settings.TeamsAppId)}" };
            using var response = await SendAsync(HttpMethod.Post, $"users/{user}/teamwork/installedApps", body, cancellationToken);
            // 409: installed meanwhile (by an administrator or another instance) — as good as done.
            if (response is null || (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.Conflict))
            {
                logger.LogWarning("Graph could not install the Teams app for user {UserId}: {Status}", userId, response?.StatusCode);
                return null;
            }
            installation = await FindInstallationAsync(user, cancellationToken);
            if (installation is null) return null;
        }
        using var chat = await SendAsync(HttpMethod.Get, $"users/{user}/teamwork/installedApps/{Uri.EscapeDataString(installation)}/chat", null, cancellationToken);
        return await ReadStringAsync(chat, "id", cancellationToken);
    }

    /// <summary>Creates a Teams meeting organised by <paramref name="organizerId"/>; returns its join link.</summary>
    public async Task<string?> CreateOnlineMeetingAsync(string organizerId, string subject, DateTimeOffset start, DateTimeOffset end, IEnumerable<string> attendeeIds, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["subject"] = subject,
            ["startDateTime"] = start.ToUniversalTime().ToString("o"),
            ["endDateTime"] = end.ToUniversalTime().ToString("o"),
            ["participants"] = new JsonObject
            {
                ["attendees"] = new JsonArray(attendeeIds.Select(id => (JsonNode)new JsonObject
                {
                    ["identity"] = new JsonObject { ["user"] = new JsonObject { ["id"] = id } },
                    ["role"] = "attendee",
                }).ToArray()),
            },
        };
        using var response = await SendAsync(HttpMethod.Post, $"users/{Uri.EscapeDataString(organizerId)}/onlineMeetings", body, cancellationToken);
        return await ReadStringAsync(response, "joinWebUrl", cancellationToken);
    }

    private async Task<string?> FindInstallationAsync(string user, CancellationToken cancellationToken)
    {
        var filter = Uri.EscapeDataString($"teamsApp/id eq '{Settings.TeamsAppId.Replace("'", "''")}'");
        using var response = await SendAsync(HttpMethod.Get, $"users/{user}/teamwork/installedApps?$expand=teamsApp&$filter={filter}", null, cancellationToken);
        if (response is null || !response.IsSuccessStatusCode) return null;
        try
        {
            var list = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
            return list?["value"] is JsonArray { Count: > 0 } values ? (string?)values[0]?["id"] : null;
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Unreadable installedApps list from Graph.");
            return null;
        }
    }

    private async Task<HttpResponseMessage?> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken)
    {
        var token = await tokens.GetTokenAsync(cancellationToken);
        if (token is null)
        {
            logger.LogWarning("No Graph token; {Method} {Path} not sent.", method, path);
            return null;
        }
        using var request = new HttpRequestMessage(method, new Uri(new Uri(Settings.BaseUrl.TrimEnd('/') + "/"), path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body);
        try
        {
            return await clients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Graph call {Method} {Path} failed.", method, path);
            return null;
        }
    }

    private async Task<string?> ReadStringAsync(HttpResponseMessage? response, string property, CancellationToken cancellationToken)
    {
        if (response is null || !response.IsSuccessStatusCode)
        {
            if (response is not null) logger.LogWarning("Graph answered {Status} to {Uri}.", response.StatusCode, response.RequestMessage?.RequestUri);
            return null;
        }
        try
        {
            var json = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
            return (string?)json?[property];
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            logger.LogWarning(ex, "Unreadable Graph response from {Uri}.", response.RequestMessage?.RequestUri);
            return null;
        }
    }
}

/// <summary>Client-credentials tokens for Graph from Entra ID (MSAL), with the bot's own app id and secret.</summary>
internal sealed class MsalGraphTokenSource : IGraphTokenSource
{
    private readonly Microsoft.Identity.Client.IConfidentialClientApplication? application;
    private readonly ILogger<MsalGraphTokenSource> logger;

    public MsalGraphTokenSource(IConfiguration configuration, IOptions<GraphOptions> options, ILogger<MsalGraphTokenSource> logger)
    {
        this.logger = logger;
        var appId = configuration["MicrosoftAppId"];
        var secret = configuration["MicrosoftAppPassword"];
        var tenant = options.Value.TenantId;
        if (string.IsNullOrWhiteSpace(appId) || string.IsNullOrWhiteSpace(secret) || string.IsNullOrWhiteSpace(tenant)) return;
        application = Microsoft.Identity.Client.ConfidentialClientApplicationBuilder.Create(appId)
            .WithClientSecret(secret)
            .WithAuthority($"{options.Value.LoginAuthorityHost.TrimEnd('/')}/{tenant}")
            .Build();
    }

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (application is null) return null;
        try
        {
            var result = await application.AcquireTokenForClient(["https://graph.microsoft.com/.default"]).ExecuteAsync(cancellationToken);
            return result.AccessToken;
        }
        catch (Exception ex) when (ex is Microsoft.Identity.Client.MsalException or HttpRequestException)
        {
            logger.LogError(ex, "Could not get a Graph token from Entra ID.");
            return null;
        }
    }
}
