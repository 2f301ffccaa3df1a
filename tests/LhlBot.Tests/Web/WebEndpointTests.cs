using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using LhlBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LhlBot.Tests.Web;

/// <summary>
/// The chat page's channel (POST /api/webchat) and the dashboard's data over HTTP through the real host: who the
/// caller is (persona locally, a real RSA-signed Entra token against OpenID metadata on loopback otherwise), the
/// bot's access rules, and clear Norwegian refusals for bad input.
/// </summary>
public sealed class WebEndpointTests
{
    [Fact]
    public async Task The_chat_channel_runs_turns_through_the_bot_and_returns_the_replies()
    {
        await using var host = await BotHost.StartAsync();
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-LhlBot-Persona", "kontakt");

        var welcome = await PostAsync(client, new JsonObject { ["type"] = "conversationUpdate", ["conversation"] = "c1" });
        Assert.Contains("Rapporter status", welcome.ToJsonString());
        Assert.All(welcome["activities"]!.AsArray(), a => Assert.Equal("webchat", (string?)a!["channelId"]));

        var answer = await PostAsync(client, new JsonObject { ["text"] = "Hva er de fem innsatsområdene?", ["conversation"] = "c1" });
        Assert.Contains("Kilde", answer.ToJsonString());
        Assert.Equal("webchat:webchat:kontakt:c1", (string?)answer["activities"]![0]!["conversation"]!["id"]);
    }

    [Theory]
    [InlineData("{\"text\":\"hei\"}", "Samtalen mangler en gyldig id")]
    [InlineData("{\"text\":\"hei\",\"conversation\":\"../other user\"}", "Samtalen mangler en gyldig id")]
    [InlineData("{\"conversation\":\"c1\"}", "Skriv en melding eller trykk på en knapp")]
    [InlineData("{\"type\":\"invoke\",\"conversation\":\"c1\"}", "Skriv en melding eller trykk på en knapp")]
    [InlineData("not json", "ikke gyldig JSON")]
    public async Task Bad_chat_input_gets_a_clear_Norwegian_400(string body, string message)
    {
        await using var host = await BotHost.StartAsync();
        var client = host.CreateClient();
        var response = await client.PostAsync("/api/webchat", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Too_long_text_and_unknown_persona_are_refused()
    {
        await using var host = await BotHost.StartAsync();
        var client = host.CreateClient();
        var tooLong = await client.PostAsJsonAsync("/api/webchat", new { text = new string('a', 4001), conversation = "c1" });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("Meldingen er for lang", await tooLong.Content.ReadAsStringAsync());

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/status/view");
        request.Headers.Add("X-LhlBot-Persona", "sjef");
        var unknown = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Ukjent rolle «sjef»", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Local_dashboard_follows_the_bots_roles()
    {
        await using var host = await BotHost.StartAsync();
        var client = host.CreateClient();
        async Task<HttpResponseMessage> As(string persona, string url)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("X-LhlBot-Persona", persona);
            return await client.SendAsync(request);
        }

        var advisor = await As("radgiver", "/api/status/view?round=2021-11");
        Assert.Equal(HttpStatusCode.OK, advisor.StatusCode);
        var html = await advisor.Content.ReadAsStringAsync();
        Assert.Contains("Nordland", html);
        Assert.DoesNotContain("Rogaland", html);

        Assert.Equal(HttpStatusCode.Forbidden, (await As("radgiver", "/api/status/view?round=2021-11&office=Rogaland")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await As("kontakt", "/api/status/view")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await As("ukjent", "/api/status/export?format=csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await As("radgiver", "/api/status/report?round=2021-11&municipality=1101")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await As("radgiver", "/api/status/report?round=2021-11&municipality=1804")).StatusCode);

        var national = await (await As("nasjonal", "/api/status/view?round=2021-11")).Content.ReadAsStringAsync();
        Assert.Contains("Rogaland", national);
        Assert.Contains("hele landet", national);
        var bad = await As("nasjonal", "/api/status/view?round=2021-13");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Finner ingen rapporteringsrunde", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task With_an_app_id_the_dashboard_takes_only_a_valid_Entra_token_and_the_chat_is_off()
    {
        const string tenant = "11111111-2222-3333-4444-555555555555";
        const string audience = "api://lhlbot.example.no/00000000-0000-0000-0000-0000000000b0";
        using var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa) { KeyId = "tab-key" };
        await using var metadata = await OpenIdServer.StartAsync(tenant, rsa);
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "00000000-0000-0000-0000-0000000000b0",
            ["MicrosoftAppPassword"] = "secret",
            ["MicrosoftAppTenantId"] = tenant,
            ["Web:Entra:Audiences:0"] = audience,
            ["Web:Entra:MetadataUrl"] = metadata.Address + "{tenant}/v2.0/.well-known/openid-configuration",
            ["Web:Entra:RequireHttpsMetadata"] = "false",
        });
        var client = host.CreateClient();
        string Token(string aud, string issuer, RsaSecurityKey signing, string oid = "00000000-0000-0000-0000-000000000002") =>
            new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Audience = aud,
                Issuer = issuer,
                Claims = new Dictionary<string, object> { ["oid"] = oid, ["name"] = "Demo Rådgiver", ["tid"] = tenant },
                Expires = DateTime.UtcNow.AddMinutes(30),
                SigningCredentials = new SigningCredentials(signing, SecurityAlgorithms.RsaSha256),
            });
        async Task<HttpStatusCode> View(string? token)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/status/view?round=2021-11");
            request.Headers.Add("X-LhlBot-Persona", "nasjonal"); // ignored with an app id
            if (token is not null) request.Headers.Authorization = new("Bearer", token);
            return (await client.SendAsync(request)).StatusCode;
        }
        var issuer = $"https://login.microsoftonline.com/{tenant}/v2.0";

        Assert.Equal(HttpStatusCode.Unauthorized, await View(null));
        Assert.Equal(HttpStatusCode.OK, await View(Token(audience, issuer, key)));
        Assert.Equal(HttpStatusCode.Unauthorized, await View(Token("api://someone-else", issuer, key)));
        Assert.Equal(HttpStatusCode.Unauthorized, await View(Token(audience, "https://login.microsoftonline.com/other-tenant/v2.0", key)));
        using var stranger = RSA.Create(2048);
        Assert.Equal(HttpStatusCode.Unauthorized, await View(Token(audience, issuer, new RsaSecurityKey(stranger) { KeyId = "tab-key" })));
        // A valid token of someone the bot does not know sees nothing.
        Assert.Equal(HttpStatusCode.Forbidden, await View(Token(audience, issuer, key, oid: "99999999-0000-0000-0000-000000000000")));

        var chat = await client.PostAsJsonAsync("/api/webchat", new { text = "hei", conversation = "c1" });
        Assert.Equal(HttpStatusCode.NotFound, chat.StatusCode);
    }

    [Fact]
    public async Task The_summary_card_opens_the_dashboard_for_the_same_round_and_office()
    {
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?> { ["Web:PublicUrl"] = "https://lhlbot.example.no/" });
        var advisor = host.Conversation(user: new TestUser("29:radgiver", "Demo Rådgiver", "00000000-0000-0000-0000-000000000002"));
        var reply = await advisor.SayAsync("oppsummering 2021-11");
        var open = reply.Cards.SelectMany(c => c["actions"]?.AsArray() ?? []).Single(a => (string?)a!["title"] == "Åpne oversikten")!;
        Assert.Equal("Action.OpenUrl", (string?)open["type"]);
        Assert.Equal("https://lhlbot.example.no/status?round=2021-11&office=Nordland", (string?)open["url"]);
    }

    private static async Task<JsonObject> PostAsync(HttpClient client, JsonObject body)
    {
        var response = await client.PostAsJsonAsync("/api/webchat", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>An Entra-like OpenID metadata and JWKS endpoint on http loopback for one tenant and key.</summary>
    private sealed class OpenIdServer(WebApplication app, string address) : IAsyncDisposable
    {
        public string Address => address;

        public static async Task<OpenIdServer> StartAsync(string tenant, RSA rsa)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            string? root = null;
            app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (string tenant) => Results.Json(new
            {
                issuer = $"https://login.microsoftonline.com/{tenant}/v2.0",
                jwks_uri = root + tenant + "/discovery/v2.0/keys",
            }));
            app.MapGet("/{tenant}/discovery/v2.0/keys", () =>
            {
                var p = rsa.ExportParameters(false);
                return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", kid = "tab-key", n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent) } } });
            });
            await app.StartAsync();
            root = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/') + "/";
            _ = tenant;
            return new OpenIdServer(app, root);
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
