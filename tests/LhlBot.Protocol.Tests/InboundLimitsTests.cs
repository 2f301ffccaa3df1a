using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LhlBot.Protocol.Tests.Infrastructure;

namespace LhlBot.Protocol.Tests;

/// <summary>Hostile input costs nothing: the token is checked before the body is read, bodies are capped, failures are rate-limited.</summary>
public sealed class InboundLimitsTests : IAsyncLifetime
{
    private readonly TestSigningKey _key = new("key-1", Channels.Msteams);
    private FakeBotFrameworkService _service = null!;
    private int _turns;
    private TurnAuthentication? _authentication;

    public async Task InitializeAsync()
    {
        _service = await FakeBotFrameworkService.StartAsync();
        _service.AddKey(_key);
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private Task<BotHost> StartAsync(IDictionary<string, string?>? settings = null) =>
        BotHost.StartAsync(_service, (turn, _) => { _authentication = turn.Authentication(); Interlocked.Increment(ref _turns); return Task.CompletedTask; }, settings: settings);

    private string Json() => JsonSerializer.Serialize(TeamsActivities.Message(_service.ServiceUrl), ProtocolJson.Options);

    [Fact]
    public async Task Without_a_token_the_body_is_never_parsed_so_garbage_gets_401_not_400()
    {
        await using var bot = await StartAsync();

        var response = await bot.PostRawAsync("{ this is not an activity", authorization: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_lower_case_bearer_scheme_is_accepted()
    {
        await using var bot = await StartAsync();

        var response = await bot.PostRawAsync(Json(), new AuthenticationHeaderValue("bearer", _key.CreateToken(BotHost.AppId, _service.ServiceUrl)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, _turns);
        // The bot is told the channel vouched for this turn.
        Assert.Equal(TurnAuthentication.Channel, _authentication);
    }

    [Fact]
    public async Task When_the_signing_keys_cannot_be_fetched_the_answer_is_503_so_the_channel_retries()
    {
        await using var bot = await StartAsync(new Dictionary<string, string?> { ["BotFramework:OpenIdMetadataUrl"] = "http://127.0.0.1:9/.well-known/openidconfiguration" });

        var response = await bot.PostAsync(TeamsActivities.Message(_service.ServiceUrl), _key.CreateToken(BotHost.AppId, _service.ServiceUrl));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal(0, _turns);
    }

    [Fact]
    public async Task A_body_over_the_cap_gets_413_with_or_without_a_content_length()
    {
        await using var bot = await StartAsync(new Dictionary<string, string?> { ["BotFramework:MaxActivityBytes"] = "65536" });
        var token = _key.CreateToken(BotHost.AppId, _service.ServiceUrl);
        var activity = TeamsActivities.Message(_service.ServiceUrl);
        activity.Text = new string('x', 100_000);
        var json = JsonSerializer.Serialize(activity, ProtocolJson.Options);

        var sized = await bot.PostRawAsync(json, new AuthenticationHeaderValue("Bearer", token));
        using var chunked = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json))) };
        chunked.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        chunked.Headers.TransferEncodingChunked = true;
        chunked.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        HttpStatusCode? streamed;
        try
        {
            streamed = (await bot.Client.SendAsync(chunked)).StatusCode;
        }
        catch (HttpRequestException)
        {
            // Kestrel may close the connection on the rest of an over-cap body before the client reads the 413.
            streamed = null;
        }

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, sized.StatusCode);
        Assert.True(streamed is null or HttpStatusCode.RequestEntityTooLarge, $"got {streamed}");
        Assert.Equal(0, _turns);
        // An activity under the cap still runs.
        Assert.Equal(HttpStatusCode.OK, (await bot.PostRawAsync(Json(), new AuthenticationHeaderValue("Bearer", token))).StatusCode);
    }

    [Fact]
    public async Task A_sender_that_keeps_failing_gets_429_and_the_flood_is_logged_as_one_summary()
    {
        await using var bot = await StartAsync(new Dictionary<string, string?> { ["BotFramework:FailedAuthenticationPermitLimit"] = "5" });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add((await bot.PostRawAsync(Json(), new AuthenticationHeaderValue("Bearer", "forged.token.value"))).StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), statuses.Take(5));
        Assert.All(statuses.Skip(5), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        // Even a valid token from that address waits for the window: the limiter looks at no token while it is closed.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await bot.PostAsync(TeamsActivities.Message(_service.ServiceUrl), _key.CreateToken(BotHost.AppId, _service.ServiceUrl))).StatusCode);
        Assert.Equal(1, bot.Adapter.RejectionSummaries);
    }
}
