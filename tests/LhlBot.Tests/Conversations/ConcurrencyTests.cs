using System.Net;
using System.Net.Http.Json;
using LhlBot.Protocol;
using LhlBot.Tests.Infrastructure;

namespace LhlBot.Tests.Conversations;

/// <summary>Optimistic concurrency: concurrent turns in one conversation never lose an update.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Concurrent_turns_in_one_conversation_all_keep_their_answer()
    {
        await using var host = await BotHost.StartAsync(services: TestFeature.Register);
        var chat = host.Conversation(channelId: "text");

        await Task.WhenAll(Enumerable.Range(1, 12).Select(i => Task.Run(() => chat.SayAsync($"legg til {i:00}"))));

        var list = await chat.SayAsync("vis liste");
        Assert.Equal("Liste: " + string.Join(",", Enumerable.Range(1, 12).Select(i => i.ToString("00"))), list.Text);
    }

    [Fact]
    public async Task Two_bot_instances_on_one_database_do_not_lose_an_update()
    {
        await using var first = await BotHost.StartAsync(services: TestFeature.Register);
        await using var second = await BotHost.StartAsync(dataFolder: first.DataFolder, services: TestFeature.Register);
        var conversationId = "shared-" + Guid.NewGuid().ToString("N");
        var a = first.Conversation(conversationId, "text");
        var b = second.Conversation(conversationId, "text");

        await Task.WhenAll(Enumerable.Range(1, 10).Select(i => Task.Run(() => (i % 2 == 0 ? a : b).SayAsync($"legg til {i:00}"))));

        var list = await a.SayAsync("vis liste");
        Assert.Equal("Liste: " + string.Join(",", Enumerable.Range(1, 10).Select(i => i.ToString("00"))), list.Text);
    }

    /// <summary>
    /// Teams re-sends a message it got no answer to, and behind a scaled-out Bot Service the re-send can reach the
    /// other instance. Every message is delivered to both instances at once, over their HTTP endpoints: each is
    /// processed exactly once, and no update is lost. On PostgreSQL (`LHLBOT_TEST_POSTGRES`) the two hosts share
    /// one PostgreSQL database; otherwise one SQLite file.
    /// </summary>
    [Fact]
    public async Task Messages_delivered_to_two_instances_at_once_are_processed_once_each()
    {
        await using var first = await BotHost.StartAsync(services: TestFeature.Register);
        await using var second = await BotHost.StartAsync(dataFolder: first.DataFolder, services: TestFeature.Register);
        var clients = new[] { first.CreateClient(), second.CreateClient() };
        var conversationId = "resent-" + Guid.NewGuid().ToString("N");

        var deliveries = Enumerable.Range(1, 8).SelectMany(i => clients.Select(client => (client, i))).ToList();
        var responses = await Task.WhenAll(deliveries.Select(d => Task.Run(() =>
            d.client.PostAsJsonAsync("/api/messages", Message($"legg til {d.i:00}", $"activity-{d.i}", conversationId), ProtocolJson.Options))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        // One of the two deliveries of each message ran the turn and answered; the other was acknowledged unprocessed.
        Assert.Equal(8, bodies.Count(b => b.Contains("La til.", StringComparison.Ordinal)));
        var list = await first.Conversation(conversationId, "text").SayAsync("vis liste");
        Assert.Equal("Liste: " + string.Join(",", Enumerable.Range(1, 8).Select(i => i.ToString("00"))), list.Text);
    }

    private static Activity Message(string text, string id, string conversation) => new()
    {
        Type = ActivityTypes.Message,
        Id = id,
        Text = text,
        ChannelId = "text",
        ServiceUrl = "http://localhost/connector/",
        From = new ChannelAccount("29:user", "Kari"),
        Recipient = new ChannelAccount("28:bot", "LhlBot"),
        Conversation = new ConversationAccount { Id = conversation },
        DeliveryMode = DeliveryModes.ExpectReplies,
    };
}
