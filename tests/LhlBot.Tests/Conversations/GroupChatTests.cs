using LhlBot.Tests.Infrastructure;
using static LhlBot.Tests.StatusReports.StatusTestHost;

namespace LhlBot.Tests.Conversations;

/// <summary>In a group chat or channel a dialog belongs to the person who started it; others are told so and change nothing.</summary>
public sealed class GroupChatTests
{
    private static TestConversation InGroup(BotHost host, string groupId, TestUser user) =>
        new(host, groupId, "test", user) { Shape = a => a.Conversation!.ConversationType = "groupChat" };

    [Fact]
    public async Task Another_member_cannot_answer_send_or_cancel_a_report_someone_else_started()
    {
        await using var host = await StartAsync();
        await AddPeopleAsync(host);
        var group = "19:group-" + Guid.NewGuid().ToString("N");
        var nils = InGroup(host, group, NarvikContact);
        var kari = InGroup(host, group, BodoContact);

        Assert.Contains("Status for planarbeidet", (await nils.SayAsync("rapporter status")).Everything);

        var answer = await kari.SubmitAsync(ValidCard("Kari prøver å fylle ut Narviks rapport."));
        Assert.Contains("Det er Nils Narvik som holder på med dette skjemaet", answer.Text);
        Assert.Contains("bare Nils Narvik kan svare", (await kari.SubmitAsync(Send())).Text);
        Assert.Contains("bare Nils Narvik kan svare på det eller avbryte det", (await kari.SayAsync("avbryt")).Text);
        Assert.Empty(await ReportsAsync(host, "1806"));
        Assert.Empty(await ReportsAsync(host, "1804"));

        // A question from the others is still answered, and the owner goes on where he was.
        Assert.Contains("Kilde", (await kari.SayAsync("Hva er de fem innsatsområdene i reformen?")).Everything);
        Assert.Contains("Greit, jeg har avbrutt", (await nils.SayAsync("avbryt")).Text);
    }
}
