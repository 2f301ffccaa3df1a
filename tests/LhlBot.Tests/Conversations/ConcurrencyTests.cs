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
}
