using LhlBot.Tests.Infrastructure;

namespace LhlBot.Tests.Conversations;

public sealed class RouterTests
{
    [Fact]
    public async Task Cancel_without_a_dialog_says_there_is_nothing_to_cancel()
    {
        await using var host = await BotHost.StartAsync();
        var reply = await host.Conversation(channelId: "text").SayAsync("Avbryt");
        Assert.Contains("ingenting å avbryte", reply.Text);
    }
}
