using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using LhlBot.Protocol.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LhlBot.Protocol.Tests;

/// <summary>Replies to a loopback connector with a token from a loopback token endpoint, through MSAL.</summary>
public sealed class OutboundTests : IAsyncLifetime
{
    private readonly TestSigningKey _key = new("key-1", Channels.Msteams);
    private FakeBotFrameworkService _service = null!;

    public async Task InitializeAsync()
    {
        _service = await FakeBotFrameworkService.StartAsync();
        _service.AddKey(_key);
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private string Token(string? serviceUrl = null) => _key.CreateToken(BotHost.AppId, serviceUrl ?? _service.ServiceUrl);

    [Fact]
    public async Task A_reply_reaches_the_connector_addressed_and_with_the_bearer_token()
    {
        await using var bot = await BotHost.StartAsync(_service, (turn, ct) => turn.SendActivityAsync("Hei tilbake", ct));

        var response = await bot.PostAsync(TeamsActivities.Message(_service.ServiceUrl), Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(_service.ConnectorRequests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/teams/v3/conversations/a%3Aconv-1%3Bmessageid%3D42/activities/1718000000001", request.RawTarget);
        Assert.Equal($"Bearer {FakeBotFrameworkService.AccessToken}", request.Authorization);
        Assert.Equal("Hei tilbake", request.Body!["text"]!.GetValue<string>());
        Assert.Equal("28:" + BotHost.AppId, request.Body["from"]!["id"]!.GetValue<string>());
        Assert.Equal("29:user-1", request.Body["recipient"]!["id"]!.GetValue<string>());
        Assert.Equal("1718000000001", request.Body["replyToId"]!.GetValue<string>());
        Assert.Equal("nb-NO", request.Body["locale"]!.GetValue<string>());
        // MSAL asked the multi-tenant authority with client credentials for the Bot Framework scope.
        Assert.Equal("/botframework.com/oauth2/v2.0/token", _service.LastTokenRequestPath);
        Assert.Equal("client_credentials", _service.LastTokenRequestForm!["grant_type"]);
        Assert.Equal(BotHost.AppId, _service.LastTokenRequestForm["client_id"]);
        Assert.Equal("https://api.botframework.com/.default", _service.LastTokenRequestForm["scope"]);
    }

    [Fact]
    public async Task The_token_is_fetched_once_for_several_sends()
    {
        await using var bot = await BotHost.StartAsync(_service, async (turn, ct) =>
        {
            await turn.SendActivityAsync("én", ct);
            await turn.SendActivityAsync("to", ct);
        });

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await bot.PostAsync(TeamsActivities.Message(_service.ServiceUrl), Token())).StatusCode);
        }

        Assert.Equal(6, _service.ConnectorRequests.Count);
        Assert.All(_service.ConnectorRequests, r => Assert.Equal($"Bearer {FakeBotFrameworkService.AccessToken}", r.Authorization));
        Assert.Equal(1, _service.TokenRequests);
    }

    [Fact]
    public async Task A_429_with_retry_after_is_retried_after_the_wait_and_then_succeeds()
    {
        ResourceResponse? sent = null;
        await using var bot = await BotHost.StartAsync(_service, async (turn, ct) => sent = await turn.SendActivityAsync("hei", ct));
        _service.PlanConnectorAnswer(429, retryAfter: "1");

        var stopwatch = Stopwatch.StartNew();
        var response = await bot.PostAsync(TeamsActivities.Message(_service.ServiceUrl), Token());
        stopwatch.Stop();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _service.ConnectorRequests.Count);
        Assert.NotNull(sent?.Id);
        // The configured backoff is 10 ms, so only Retry-After explains a wait near a second.
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(900), $"waited only {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task Throttling_that_never_ends_gives_up_after_max_retries_without_failing_the_turn()
    {
        ResourceResponse? sent = null;
        var turnCompleted = false;
        await using var bot = await BotHost.StartAsync(_service, async (turn, ct) =>
        {
            sent = await turn.SendActivityAsync("hei", ct);
            turnCompleted = true;
        });
        _service.ConnectorOverride = r => { r.StatusCode = 503; return Task.CompletedTask; };

        var response = await bot.PostAsync(TeamsActivities.Message(_service.ServiceUrl), Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(turnCompleted);
        Assert.Null(sent!.Id);
        Assert.Equal(1 + 3, _service.ConnectorRequests.Count); // first try + MaxRetries
    }

    [Fact]
    public async Task A_connector_that_always_fails_with_500_is_not_retried_and_the_turn_completes()
    {
        ResourceResponse? sent = null;
        await using var bot = await BotHost.StartAsync(_service, async (turn, ct) => sent = await turn.SendActivityAsync("hei", ct));
        _service.ConnectorOverride = r => { r.StatusCode = 500; return Task.CompletedTask; };

        var response = await bot.PostAsync(TeamsActivities.Message(_service.ServiceUrl), Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(sent!.Id);
        Assert.Single(_service.ConnectorRequests);
    }

    [Fact]
    public async Task A_dead_connector_does_not_crash_the_turn()
    {
        var deadServiceUrl = $"http://127.0.0.1:{UnusedPort()}/teams/";
        ResourceResponse? sent = null;
        var turnCompleted = false;
        await using var bot = await BotHost.StartAsync(_service, async (turn, ct) =>
        {
            sent = await turn.SendActivityAsync("hei", ct);
            turnCompleted = true;
        });

        var response = await bot.PostAsync(TeamsActivities.Message(deadServiceUrl), Token(deadServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(turnCompleted);
        Assert.Null(sent!.Id);
    }

    [Fact]
    public async Task The_token_is_not_sent_to_a_host_outside_the_allow_list()
    {
        ResourceResponse? sent = null;
        await using var bot = await BotHost.StartAsync(_service, async (turn, ct) => sent = await turn.SendActivityAsync("hei", ct),
            settings: new Dictionary<string, string?> { ["BotFramework:AllowedServiceUrlHosts:0"] = "smba.trafficmanager.net" });

        var response = await bot.PostAsync(TeamsActivities.Message(_service.ServiceUrl), Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(sent!.Id);
        Assert.Empty(_service.ConnectorRequests);
        Assert.Equal(0, _service.TokenRequests);
    }

    [Fact]
    public async Task A_proactive_message_goes_to_the_conversation_with_the_token()
    {
        await using var bot = await BotHost.StartAsync(_service, (turn, ct) => Task.CompletedTask);
        // The serviceUrl becomes trusted by arriving in an authenticated activity.
        await bot.PostAsync(TeamsActivities.Message(_service.ServiceUrl), Token());
        var reference = TeamsActivities.Message(_service.ServiceUrl).GetConversationReference();

        await bot.Adapter.ContinueConversationAsync(reference, (turn, ct) => turn.SendActivityAsync("Påminnelse", ct));

        var request = Assert.Single(_service.ConnectorRequests);
        Assert.Equal("/teams/v3/conversations/a%3Aconv-1%3Bmessageid%3D42/activities", request.RawTarget);
        Assert.Equal($"Bearer {FakeBotFrameworkService.AccessToken}", request.Authorization);
        Assert.Equal("Påminnelse", request.Body!["text"]!.GetValue<string>());
        Assert.Null(request.Body["replyToId"]);
    }

    [Fact]
    public async Task The_connector_client_updates_deletes_reads_members_and_creates_conversations()
    {
        // Local-development mode: no app id, the Development environment, a loopback connector (the emulator's case).
        await using var bot = await BotHost.StartAsync(_service, (turn, ct) => Task.CompletedTask, withAppId: false, environment: "Development");
        var connector = bot.Server.Services.GetRequiredService<IConnectorClient>();
        var serviceUrlWithoutSlash = _service.ServiceUrl.TrimEnd('/');

        var updated = await connector.UpdateActivityAsync(serviceUrlWithoutSlash, "a:1", "act/1", MessageFactory.Text("ny"));
        await connector.DeleteActivityAsync(_service.ServiceUrl, "a:1", "act/1");
        var member = await connector.GetConversationMemberAsync(_service.ServiceUrl, "a:1", "29:user-1");
        var created = await connector.CreateConversationAsync(_service.ServiceUrl, "tenant-1", new ChannelAccount("28:bot"), new ChannelAccount("29:user-1"));

        var requests = _service.ConnectorRequests;
        Assert.Equal(["PUT", "DELETE", "GET", "POST"], requests.Select(r => r.Method));
        Assert.Equal("/teams/v3/conversations/a%3A1/activities/act%2F1", requests[0].RawTarget);
        Assert.Equal("/teams/v3/conversations/a%3A1/activities/act%2F1", requests[1].RawTarget);
        Assert.Equal("/teams/v3/conversations/a%3A1/members/29%3Auser-1", requests[2].RawTarget);
        Assert.Equal("/teams/v3/conversations", requests[3].RawTarget);
        Assert.All(requests, r => Assert.Null(r.Authorization)); // no app id, no token
        Assert.NotNull(updated.Id);
        Assert.Equal("kari@example.no", member!.Email);
        Assert.Equal("a:new-conversation", created!.Conversation!.Id);
        Assert.Equal("tenant-1", requests[3].Body!["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        Assert.Equal("29:user-1", requests[3].Body!["members"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_an_app_id_outside_the_Development_environment_nothing_is_sent_even_to_loopback()
    {
        await using var bot = await BotHost.StartAsync(_service, (turn, ct) => Task.CompletedTask, withAppId: false, environment: "Production");
        var connector = bot.Server.Services.GetRequiredService<IConnectorClient>();

        await connector.SendToConversationAsync(_service.ServiceUrl, "a:1", MessageFactory.Text("hei"));

        Assert.Empty(_service.ConnectorRequests);
    }

    [Theory]
    [InlineData("http://smba.trafficmanager.net/teams/")]
    [InlineData("https://evil.example/teams/")]
    [InlineData("https://smba.trafficmanager.net.evil.example/teams/")]
    public void By_default_the_token_goes_only_to_the_Teams_connector_over_https(string serviceUrl)
    {
        var options = Microsoft.Extensions.Options.Options.Create(new BotFrameworkOptions { MicrosoftAppId = BotHost.AppId });
        var trust = new ServiceUrlTrust(options, new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Production" });

        Assert.False(trust.IsTrusted(serviceUrl));
        Assert.True(trust.IsTrusted("https://smba.trafficmanager.net/teams/"));
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
