using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using LhlBot.Protocol;
using LhlBot.Tests.Infrastructure;

namespace LhlBot.Tests.Conversations;

/// <summary>The bot's HTTP front door: POST /api/messages as a channel would use it.</summary>
public sealed class EndpointTests
{
    private static Activity Message(string text, string? id = null, string conversation = "conv-http") => new()
    {
        Type = ActivityTypes.Message,
        Id = id ?? Guid.NewGuid().ToString("N"),
        Text = text,
        ChannelId = "test",
        ServiceUrl = "http://localhost/connector/",
        From = new ChannelAccount("29:user", "Kari"),
        Recipient = new ChannelAccount("28:bot", "LhlBot"),
        Conversation = new ConversationAccount { Id = conversation },
        DeliveryMode = DeliveryModes.ExpectReplies,
    };

    private static async Task<List<Activity>> RepliesAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<ExpectedReplies>(ProtocolJson.Options);
        return body!.Activities;
    }

    [Fact]
    public async Task A_message_with_expectReplies_gets_the_replies_in_the_response()
    {
        await using var host = await BotHost.StartAsync();
        var client = host.CreateClient();

        var replies = await RepliesAsync(await client.PostAsJsonAsync("/api/messages", Message("meny"), ProtocolJson.Options));

        var card = Assert.Single(Assert.Single(replies).Attachments!);
        Assert.Equal(ContentTypes.AdaptiveCard, card.ContentType);
        Assert.Contains("Still et spørsmål", card.Content!.ToJsonString(ProtocolJson.Options));
    }

    [Fact]
    public async Task Installing_the_bot_sends_the_welcome_card()
    {
        await using var host = await BotHost.StartAsync();
        var update = Message("");
        update.Type = ActivityTypes.ConversationUpdate;
        update.Text = null;
        update.MembersAdded = [new ChannelAccount("28:bot", "LhlBot")];

        var replies = await RepliesAsync(await host.CreateClient().PostAsJsonAsync("/api/messages", update, ProtocolJson.Options));
        Assert.Contains("Hei! Jeg er LhlBot", Assert.Single(replies).Attachments![0].Content!.ToJsonString(ProtocolJson.Options));
    }

    [Fact]
    public async Task A_redelivered_activity_is_acknowledged_but_not_processed_twice()
    {
        await using var host = await BotHost.StartAsync();
        var client = host.CreateClient();
        var message = Message("avbryt", id: "same-id");

        var first = await RepliesAsync(await client.PostAsJsonAsync("/api/messages", message, ProtocolJson.Options));
        var second = await client.PostAsJsonAsync("/api/messages", message, ProtocolJson.Options);

        Assert.Single(first);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var secondBody = await second.Content.ReadAsStringAsync();
        Assert.DoesNotContain("avbryte", secondBody);
    }

    [Fact]
    public async Task With_an_app_id_configured_an_unsigned_request_gets_401()
    {
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "11111111-2222-3333-4444-555555555555",
            // No signing keys can be fetched here: a token that needs them cannot be checked.
            ["BotFramework:OpenIdMetadataUrl"] = "https://127.0.0.1:9/.well-known/openidconfiguration",
        });
        var client = host.CreateClient();

        var unsigned = await client.PostAsJsonAsync("/api/messages", Message("hei"), ProtocolJson.Options);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);

        using var forged = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = JsonContent.Create(Message("hei"), options: ProtocolJson.Options),
        };
        forged.Headers.TryAddWithoutValidation("Authorization", "Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6ImsifQ.eyJhdWQiOiIxMTExIn0.c2lnbmF0dXJl");
        // Without the keys the token is neither accepted nor called forged: 503, so that a real channel retries.
        var forgedResponse = await client.SendAsync(forged);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, forgedResponse.StatusCode);
        Assert.NotNull(forgedResponse.Headers.RetryAfter);
    }

    [Fact]
    public async Task With_an_app_id_an_unsigned_body_is_never_read_and_an_oversized_one_gets_413()
    {
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?> { ["MicrosoftAppId"] = "11111111-2222-3333-4444-555555555555" });
        var client = host.CreateClient();

        // Before the token is checked nothing of the body is parsed: garbage without a token is 401, not 400.
        var garbage = await client.PostAsync("/api/messages", new StringContent("{not json", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);

        await using var local = await BotHost.StartAsync();
        var big = Message(new string('x', 2 * 1024 * 1024));
        var tooLarge = await local.CreateClient().PostAsJsonAsync("/api/messages", big, ProtocolJson.Options);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
    }

    [Fact]
    public async Task Bad_json_gets_400_and_a_missing_type_gets_400()
    {
        await using var host = await BotHost.StartAsync();
        var client = host.CreateClient();

        var bad = await client.PostAsync("/api/messages", new StringContent("{not json", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var noType = await client.PostAsync("/api/messages", new StringContent("""{"text":"hei"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, noType.StatusCode);
    }

    [Fact]
    public async Task A_card_button_sent_as_an_adaptiveCard_action_invoke_is_handled_and_answered_200()
    {
        await using var host = await BotHost.StartAsync();
        var invoke = Message("");
        invoke.Type = ActivityTypes.Invoke;
        invoke.Name = "adaptiveCard/action";
        invoke.Text = null;
        invoke.DeliveryMode = null;
        invoke.Value = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "menu", ["data"] = new JsonObject { ["action"] = "menu" } } };

        var response = await host.CreateClient().PostAsJsonAsync("/api/messages", invoke, ProtocolJson.Options);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, (int?)body["statusCode"]);
    }
}
