using System.Net;
using System.Net.Http.Headers;
using LhlBot.Protocol.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace LhlBot.Protocol.Tests;

/// <summary>Inbound JWTs against keys served on loopback, through the real HTTP pipeline.</summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private readonly TestSigningKey _key = new("key-1", Channels.Msteams);
    private FakeBotFrameworkService _service = null!;
    private BotHost _bot = null!;
    private int _turns;

    public async Task InitializeAsync()
    {
        _service = await FakeBotFrameworkService.StartAsync();
        _service.AddKey(_key);
        _bot = await BotHost.StartAsync(_service, (_, _) => { Interlocked.Increment(ref _turns); return Task.CompletedTask; });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _service.DisposeAsync();
    }

    private Activity Message() => TeamsActivities.Message(_service.ServiceUrl);

    [Fact]
    public async Task A_valid_token_is_accepted_and_the_turn_runs()
    {
        var response = await _bot.PostAsync(Message(), _key.CreateToken(BotHost.AppId, _service.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, _turns);
    }

    [Fact]
    public async Task The_serviceurl_claim_is_compared_ignoring_case()
    {
        var response = await _bot.PostAsync(Message(), _key.CreateToken(BotHost.AppId, _service.ServiceUrl.ToUpperInvariant()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string> BadTokens() =>
    [
        "wrong audience", "wrong issuer", "expired", "not yet valid", "bad signature", "serviceUrl mismatch",
        "no serviceurl claim", "HS256", "not a JWT",
    ];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_gets_401_with_an_empty_body_and_no_turn(string flaw)
    {
        var now = DateTime.UtcNow;
        var serviceUrl = _service.ServiceUrl;
        var token = flaw switch
        {
            "wrong audience" => _key.CreateToken("another-app", serviceUrl),
            "wrong issuer" => _key.CreateToken(BotHost.AppId, serviceUrl, issuer: "https://evil.example.com"),
            // Beyond the 5 minute clock skew either way.
            "expired" => _key.CreateToken(BotHost.AppId, serviceUrl, notBefore: now.AddHours(-2), expires: now.AddMinutes(-6)),
            "not yet valid" => _key.CreateToken(BotHost.AppId, serviceUrl, notBefore: now.AddMinutes(6), expires: now.AddHours(1)),
            "bad signature" => new TestSigningKey(_key.KeyId).CreateToken(BotHost.AppId, serviceUrl),
            "serviceUrl mismatch" => _key.CreateToken(BotHost.AppId, "https://evil.example.com/"),
            "no serviceurl claim" => _key.CreateToken(BotHost.AppId, null),
            "HS256" => SymmetricToken(serviceUrl),
            "not a JWT" => "abc.def",
            _ => throw new ArgumentOutOfRangeException(nameof(flaw)),
        };

        var response = await _bot.PostAsync(Message(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, _turns);
    }

    [Fact]
    public async Task A_missing_header_or_another_scheme_gets_401()
    {
        var missing = await _bot.PostAsync(Message(), bearerToken: null);
        var basic = await _bot.PostRawAsync(System.Text.Json.JsonSerializer.Serialize(Message(), ProtocolJson.Options),
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String("app:secret"u8.ToArray())));
        var tokenAsBasic = await _bot.PostRawAsync(System.Text.Json.JsonSerializer.Serialize(Message(), ProtocolJson.Options),
            new AuthenticationHeaderValue("Basic", _key.CreateToken(BotHost.AppId, _service.ServiceUrl)));

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, basic.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, tokenAsBasic.StatusCode);
        Assert.Equal(0, _turns);
    }

    [Theory]
    [InlineData("abc.def.ghi")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.@@@.sig")]
    [InlineData("not-a-jwt")]
    public async Task A_malformed_bearer_token_gets_401_not_a_server_error(string token)
    {
        var response = await _bot.PostRawAsync(System.Text.Json.JsonSerializer.Serialize(Message(), ProtocolJson.Options),
            new AuthenticationHeaderValue("Bearer", token));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _turns);
    }

    [Fact]
    public async Task A_key_not_endorsed_for_the_channel_is_rejected()
    {
        var webchatOnly = new TestSigningKey("key-webchat", Channels.Webchat);
        var noEndorsements = new TestSigningKey("key-bare") { Endorsements = null };
        _service.AddKey(webchatOnly);
        _service.AddKey(noEndorsements);

        var first = await _bot.PostAsync(Message(), webchatOnly.CreateToken(BotHost.AppId, _service.ServiceUrl));
        var second = await _bot.PostAsync(Message(), noEndorsements.CreateToken(BotHost.AppId, _service.ServiceUrl));
        var sameKeyOtherChannel = Message();
        sameKeyOtherChannel.ChannelId = Channels.Webchat;
        var third = await _bot.PostAsync(sameKeyOtherChannel, webchatOnly.CreateToken(BotHost.AppId, _service.ServiceUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode); // proves the first two failed on the channel, not on the key
    }

    [Fact]
    public async Task An_unknown_key_refreshes_the_keys_once_and_is_then_rejected()
    {
        Assert.Equal(HttpStatusCode.OK, (await _bot.PostAsync(Message(), _key.CreateToken(BotHost.AppId, _service.ServiceUrl))).StatusCode);
        var fetchesBefore = _service.KeysRequests;

        var stranger = new TestSigningKey("key-unknown", Channels.Msteams);
        var first = await _bot.PostAsync(Message(), stranger.CreateToken(BotHost.AppId, _service.ServiceUrl));
        var second = await _bot.PostAsync(Message(), stranger.CreateToken(BotHost.AppId, _service.ServiceUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        // One refresh for the first unknown kid; the second is throttled, so made-up kids cannot hammer the metadata.
        Assert.Equal(fetchesBefore + 1, _service.KeysRequests);
    }

    [Fact]
    public async Task A_rotated_key_is_picked_up_by_the_refresh()
    {
        Assert.Equal(HttpStatusCode.OK, (await _bot.PostAsync(Message(), _key.CreateToken(BotHost.AppId, _service.ServiceUrl))).StatusCode);
        var rotated = new TestSigningKey("key-2", Channels.Msteams);
        _service.AddKey(rotated);

        var response = await _bot.PostAsync(Message(), rotated.CreateToken(BotHost.AppId, _service.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _turns);
    }

    [Fact]
    public async Task Keys_are_cached_between_requests()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await _bot.PostAsync(Message(), _key.CreateToken(BotHost.AppId, _service.ServiceUrl))).StatusCode);
        }

        Assert.Equal(1, _service.KeysRequests);
    }

    private static string SymmetricToken(string serviceUrl)
    {
        var key = new SymmetricSecurityKey(new byte[32]) { KeyId = "key-1" };
        return new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://api.botframework.com",
            Audience = BotHost.AppId,
            Expires = DateTime.UtcNow.AddHours(1),
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}

/// <summary>Without an app id, auth is off, but only for this machine.</summary>
public sealed class AnonymousAccessTests
{
    [Fact]
    public async Task Without_an_app_id_loopback_requests_run_and_remote_ones_get_401()
    {
        await using var service = await FakeBotFrameworkService.StartAsync();
        var turns = 0;
        await using var bot = await BotHost.StartAsync(service, (_, _) => { Interlocked.Increment(ref turns); return Task.CompletedTask; }, withAppId: false);

        var fromLoopback = await bot.PostAsync(TeamsActivities.Message(service.ServiceUrl), bearerToken: null);
        Assert.Equal(HttpStatusCode.OK, fromLoopback.StatusCode);
        Assert.Equal(1, turns);

        var context = new DefaultHttpContext { RequestServices = bot.Server.Services };
        context.Request.Method = "POST";
        context.Connection.RemoteIpAddress = IPAddress.Parse("10.1.2.3");
        context.Request.Body = new MemoryStream(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(TeamsActivities.Message(service.ServiceUrl), ProtocolJson.Options));
        var adapter = bot.Server.Services.GetRequiredService<IBotFrameworkHttpAdapter>();
        await adapter.ProcessAsync(context.Request, context.Response, new DelegateBot((_, _) => { Interlocked.Increment(ref turns); return Task.CompletedTask; }));

        Assert.Equal(StatusCodes.Status401Unauthorized, context.Response.StatusCode);
        Assert.Equal(1, turns);
    }
}
