using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace LhlBot.Tests.Infrastructure;

/// <summary>
/// A local Microsoft Graph on loopback (real HTTP, Kestrel) that answers the published v1.0 shapes the bot uses:
/// teamwork/installedApps (list with $filter, install → 201, chat of an installation) and onlineMeetings.
/// It refuses a request without the expected bearer token, and records what it was asked.
/// </summary>
public sealed class FakeGraph : IAsyncDisposable
{
    public const string Token = "graph-test-token";
    public const string AppId = "11111111-2222-3333-4444-555555555555";

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, string> installations = new();

    public ConcurrentQueue<string> Requests { get; } = new();
    public ConcurrentQueue<JsonObject> Meetings { get; } = new();

    /// <summary>Users for whom the install call fails (as for a user without a Teams licence).</summary>
    public HashSet<string> Unlicensed { get; } = [];

    private FakeGraph(WebApplication app) => this.app = app;

    public string BaseUrl => app.Urls.First() + "/v1.0/";

    public bool IsInstalledFor(string userId) => installations.ContainsKey(userId);

    public static async Task<FakeGraph> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeGraph(app);
        app.Use(async (context, next) =>
        {
            fake.Requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
            if (context.Request.Headers.Authorization.ToString() != "Bearer " + Token)
            {
                context.Response.StatusCode = 401;
                return;
            }
            await next(context);
        });
        app.MapGet("/v1.0/users/{user}/teamwork/installedApps", (string user, HttpRequest request) =>
        {
            var filter = request.Query["$filter"].ToString();
            var values = new JsonArray();
            if (fake.installations.TryGetValue(user, out var id) && filter.Contains(AppId, StringComparison.Ordinal))
            {
                values.Add(new JsonObject { ["id"] = id, ["teamsApp"] = new JsonObject { ["id"] = AppId } });
            }
            return Results.Json(new JsonObject { ["value"] = values });
        });
        app.MapPost("/v1.0/users/{user}/teamwork/installedApps", async (string user, HttpRequest request) =>
        {
            var body = await request.ReadFromJsonAsync<JsonObject>();
            if (!((string?)body?["teamsApp@odata.bind"])?.EndsWith("/appCatalogs/teamsApps/" + AppId, StringComparison.Ordinal) ?? true)
                return Results.BadRequest();
            if (fake.Unlicensed.Contains(user)) return Results.StatusCode(403);
            if (!fake.installations.TryAdd(user, "inst-" + user)) return Results.Conflict();
            return Results.StatusCode(201);
        });
        app.MapGet("/v1.0/users/{user}/teamwork/installedApps/{installation}/chat", (string user, string installation) =>
            fake.installations.TryGetValue(user, out var id) && id == installation
                ? Results.Json(new JsonObject { ["id"] = $"19:{user}_bot@unq.gbl.spaces" })
                : Results.NotFound());
        app.MapPost("/v1.0/users/{organizer}/onlineMeetings", async (string organizer, HttpRequest request) =>
        {
            var body = await request.ReadFromJsonAsync<JsonObject>() ?? [];
            body["organizer"] = organizer;
            fake.Meetings.Enqueue(body);
            return Results.Json(new JsonObject { ["id"] = "meeting-" + fake.Meetings.Count, ["joinWebUrl"] = $"https://teams.microsoft.com/l/meetup-join/fake-{fake.Meetings.Count}" }, statusCode: 201);
        });
        await app.StartAsync();
        return fake;
    }

    /// <summary>The bot's settings for this fake.</summary>
    public Dictionary<string, string?> Settings(bool onlineMeetings = false) => new()
    {
        ["Graph:BaseUrl"] = BaseUrl,
        ["Graph:TeamsAppId"] = AppId,
        ["Graph:TenantId"] = "tenant-1",
        ["Graph:ServiceUrl"] = "http://localhost/test-connector/",
        ["Graph:OnlineMeetings"] = onlineMeetings ? "true" : "false",
    };

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>The token the fake Graph expects, standing in for Entra ID's client-credentials grant.</summary>
internal sealed class FakeGraphToken : LhlBot.People.Graph.IGraphTokenSource
{
    public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(FakeGraph.Token);
}
