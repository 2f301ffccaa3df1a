using System.Net;
using System.Text.Json.Nodes;
using LhlBot.Protocol.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LhlBot.Protocol.Tests;

/// <summary>What the adapter answers over HTTP, and what it does with the bot's turn.</summary>
public sealed class AdapterTests : IAsyncLifetime
{
    private readonly TestSigningKey _key = new("key-1", Channels.Msteams);
    private FakeBotFrameworkService _service = null!;

    public async Task InitializeAsync()
    {
        _service = await FakeBotFrameworkService.StartAsync();
        _service.AddKey(_key);
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private string Token() => _key.CreateToken(BotHost.AppId, _service.ServiceUrl);

    [Fact]
    public async Task ExpectReplies_returns_the_replies_in_the_response_and_calls_no_connector()
    {
        await using var bot = await BotHost.StartAsync(_service, async (turn, ct) =>
        {
            await turn.SendActivityAsync("første", ct);
            await turn.SendActivityAsync("andre", ct);
        });

        var response = await bot.PostAsync(TeamsActivities.Message(_service.ServiceUrl, deliveryMode: DeliveryModes.ExpectReplies), Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var activities = body["activities"]!.AsArray();
        Assert.Equal(["første", "andre"], activities.Select(a => a!["text"]!.GetValue<string>()));
        Assert.Equal("29:user-1", activities[0]!["recipient"]!["id"]!.GetValue<string>());
        Assert.Empty(_service.ConnectorRequests);
    }

    [Fact]
    public async Task An_invoke_is_answered_with_the_bots_status_and_body()
    {
        await using var bot = await BotHost.StartAsync(_service, (turn, ct) => turn.SendInvokeResponseAsync(200,
            new { statusCode = 200, type = ContentTypes.ActivityMessage, value = "Oppdatert" }, ct));

        var response = await bot.PostAsync(TeamsActivities.Invoke(_service.ServiceUrl), Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(ContentTypes.ActivityMessage, body["type"]!.GetValue<string>());
        Assert.Equal("Oppdatert", body["value"]!.GetValue<string>());
        Assert.Empty(_service.ConnectorRequests);
    }

    [Fact]
    public async Task An_invoke_status_other_than_200_is_passed_through()
    {
        await using var bot = await BotHost.StartAsync(_service, (turn, ct) => turn.SendInvokeResponseAsync(412, null, ct));

        var response = await bot.PostAsync(TeamsActivities.Invoke(_service.ServiceUrl), Token());

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unhandled_invoke_gets_501()
    {
        await using var bot = await BotHost.StartAsync(_service, (_, _) => Task.CompletedTask);

        var response = await bot.PostAsync(TeamsActivities.Invoke(_service.ServiceUrl, "composeExtension/query"), Token());

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_activity_types_reach_the_bot_and_are_acknowledged_with_200()
    {
        string? seenType = null;
        await using var bot = await BotHost.StartAsync(_service, (turn, _) => { seenType = turn.Activity.Type; return Task.CompletedTask; });
        var activity = TeamsActivities.Message(_service.ServiceUrl);
        activity.Type = "somethingNewFromTeams";

        var response = await bot.PostAsync(activity, Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("somethingNewFromTeams", seenType);
    }

    [Fact]
    public async Task Bad_requests_get_400_or_405()
    {
        await using var bot = await BotHost.StartAsync(_service, (_, _) => Task.CompletedTask);
        var auth = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token());

        var badJson = await bot.PostRawAsync("{ not json", auth);
        var noType = await bot.PostRawAsync($$"""{"id":"1","channelId":"msteams","serviceUrl":"{{_service.ServiceUrl}}"}""", auth);
        var get = await bot.Client.GetAsync("api/messages");

        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noType.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
    }

    [Fact]
    public async Task A_failing_bot_gets_the_user_an_apology_and_leaks_nothing()
    {
        await using var bot = await BotHost.StartAsync(_service, (_, _) => throw new InvalidOperationException("database password is hunter2"));

        var response = await bot.PostAsync(TeamsActivities.Message(_service.ServiceUrl), Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var apology = Assert.Single(_service.ConnectorRequests);
        Assert.Equal("Beklager, noe gikk galt hos meg. Prøv igjen om litt.", apology.Body!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failing_invoke_gets_500_with_an_error_body_without_details()
    {
        await using var bot = await BotHost.StartAsync(_service, (_, _) => throw new InvalidOperationException("database password is hunter2"));

        var response = await bot.PostAsync(TeamsActivities.Invoke(_service.ServiceUrl), Token());

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("hunter2", text);
        Assert.DoesNotContain("InvalidOperationException", text);
        Assert.Equal(ContentTypes.Error, JsonNode.Parse(text)!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Middleware_runs_in_registration_order_around_the_bot()
    {
        var trail = new List<string>();
        await using var bot = await BotHost.StartAsync(_service, (_, _) => { trail.Add("bot"); return Task.CompletedTask; }, services =>
        {
            services.AddSingleton<IMiddleware>(new RecordingMiddleware("first", trail));
            services.AddSingleton<IMiddleware>(new RecordingMiddleware("second", trail));
        });

        await bot.PostAsync(TeamsActivities.Message(_service.ServiceUrl), Token());

        Assert.Equal(["first:before", "second:before", "bot", "second:after", "first:after"], trail);
    }

    [Fact]
    public async Task A_slow_message_turn_shows_typing_first()
    {
        await using var bot = await BotHost.StartAsync(_service, async (turn, ct) =>
        {
            // Wait until the typing indicator has reached the connector; the generous timeout only guards a hang.
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (!_service.ConnectorRequests.Any(r => r.Body?["type"]?.GetValue<string>() == ActivityTypes.Typing) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20, ct);
            }

            Assert.False(turn.Responded); // typing is not an answer
            await turn.SendActivityAsync("ferdig", ct);
        }, services => services.AddSingleton<IMiddleware, ShowTypingMiddleware>(),
        settings: new Dictionary<string, string?> { ["BotFramework:TypingDelay"] = "00:00:00.050" });

        await bot.PostAsync(TeamsActivities.Message(_service.ServiceUrl), Token());

        var types = _service.ConnectorRequests.Select(r => r.Body!["type"]!.GetValue<string>()).ToList();
        Assert.Equal(ActivityTypes.Typing, types[0]);
        Assert.Equal(ActivityTypes.Message, types[^1]);
    }

    [Fact]
    public async Task Invokes_and_expectReplies_turns_show_no_typing_however_slow()
    {
        await using var bot = await BotHost.StartAsync(_service, async (turn, ct) =>
        {
            await Task.Delay(300, ct); // three times the typing delay
            if (turn.Activity.Type == ActivityTypes.Invoke)
            {
                await turn.SendInvokeResponseAsync(200, null, ct);
                return;
            }

            await turn.SendActivityAsync("treg", ct);
        }, services => services.AddSingleton<IMiddleware, ShowTypingMiddleware>(),
        settings: new Dictionary<string, string?> { ["BotFramework:TypingDelay"] = "00:00:00.100" });

        var invoke = await bot.PostAsync(TeamsActivities.Invoke(_service.ServiceUrl), Token());
        var expectReplies = await bot.PostAsync(TeamsActivities.Message(_service.ServiceUrl, deliveryMode: DeliveryModes.ExpectReplies), Token());

        Assert.Equal(HttpStatusCode.OK, invoke.StatusCode);
        var replies = JsonNode.Parse(await expectReplies.Content.ReadAsStringAsync())!["activities"]!.AsArray();
        Assert.Equal([ActivityTypes.Message], replies.Select(a => a!["type"]!.GetValue<string>()));
        Assert.Empty(_service.ConnectorRequests);
    }

    [Fact]
    public async Task ProcessActivityAsync_returns_expected_replies_for_in_process_callers()
    {
        await using var bot = await BotHost.StartAsync(_service, (_, _) => Task.CompletedTask);

        var result = await bot.Adapter.ProcessActivityAsync(
            TeamsActivities.Message("http://localhost/unused/", "hei", DeliveryModes.ExpectReplies),
            (turn, ct) => turn.SendActivityAsync($"Du skrev: {turn.Activity.Text}", ct));

        Assert.Equal(200, result!.Status);
        var replies = Assert.IsType<ExpectedReplies>(result.Body);
        Assert.Equal("Du skrev: hei", Assert.Single(replies.Activities).Text);
        Assert.Empty(_service.ConnectorRequests);
    }

    private sealed class RecordingMiddleware(string name, List<string> trail) : IMiddleware
    {
        public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
        {
            trail.Add($"{name}:before");
            await next(cancellationToken);
            trail.Add($"{name}:after");
        }
    }
}
