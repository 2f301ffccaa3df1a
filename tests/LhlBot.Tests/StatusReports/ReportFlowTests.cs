using System.Text.Json.Nodes;
using LhlBot.Tests.Infrastructure;
using static LhlBot.Tests.StatusReports.StatusTestHost;

namespace LhlBot.Tests.StatusReports;

public sealed class ReportFlowTests
{
    [Fact]
    public async Task A_contact_completes_the_report_on_one_card_and_it_is_stored_after_send_only()
    {
        await using var host = await StartAsync();
        await AddPeopleAsync(host);
        var chat = host.Conversation(user: BodoContact);

        var form = await chat.SayAsync("rapporter status");
        Assert.Contains("Statusrapport for Bodø", form.Everything);
        Assert.Contains("planStatus", form.Everything);

        var summary = await chat.SubmitAsync(ValidCard());
        Assert.Contains("Oppsummering", summary.Everything);
        Assert.Empty(await ReportsAsync(host, "1804"));

        var receipt = await chat.SubmitAsync(Send());
        Assert.Contains("er sendt (versjon 1)", receipt.Everything);
        var stored = Assert.Single(await ReportsAsync(host, "1804"));
        Assert.True(stored.IsCurrent);
        Assert.Equal("Kari Bodø", stored.SubmittedByName);
    }

    [Fact]
    public async Task Server_side_errors_come_back_on_the_card_with_what_the_user_typed()
    {
        await using var host = await StartAsync();
        await AddPeopleAsync(host);
        var chat = host.Conversation(user: BodoContact);
        await chat.SayAsync("rapporter status");

        var card = ValidCard();
        card["planDecisionDate"] = DateTime.Today.AddDays(10).ToString("yyyy-MM-dd");
        card["focusAreas"] = "";
        var reply = await chat.SubmitAsync(card);
        Assert.Contains("Noen svar må rettes", reply.Everything);
        Assert.Contains("Seniortreff", reply.Everything); // typed text kept
        Assert.Empty(await ReportsAsync(host, "1804"));
    }

    [Fact]
    public async Task A_contact_completes_the_report_in_plain_text_and_can_change_an_answer_before_sending()
    {
        await using var host = await StartAsync();
        await AddPeopleAsync(host);
        var chat = host.Conversation(channelId: "text", user: BodoContact);

        Assert.Contains("Status for planarbeidet", (await chat.SayAsync("rapporter status")).Text);
        Assert.Contains("Hvorfor er planarbeidet forsinket", (await chat.SayAsync("forsinket")).Text);
        Assert.Contains("Kommentar", (await chat.SayAsync("3")).Text); // lack of resources
        await chat.SayAsync("-");                                     // no plan comment
        Assert.Contains("Hvilke nettverk", (await chat.SayAsync("deltar")).Text);
        await chat.SayAsync("USHT-nettverket");
        await chat.SayAsync("-");
        await chat.SayAsync("2");                                     // phase 2
        await chat.SayAsync("-");
        await chat.SayAsync("-");                                     // no focus areas
        await chat.SayAsync("-");
        await chat.SayAsync("eldrerådet, frivillige");
        await chat.SayAsync("-");
        await chat.SayAsync("For kort");
        var summary = await chat.SayAsync("Pandemien har forsinket arbeidet, men planen skal til kommunestyret i vår.");
        Assert.DoesNotContain("Oppsummering", summary.Text);
        summary = await chat.SayAsync("Hjelp med medvirkning");
        Assert.Contains("Oppsummering", summary.Text);
        Assert.Contains("Mangel på ressurser", summary.Text);

        Assert.Contains("Hvorfor er planarbeidet forsinket", (await chat.SayAsync("2")).Text);
        Assert.Contains("Oppsummering", (await chat.SayAsync("1, 5")).Text);
        Assert.Contains("er sendt", (await chat.SayAsync("send")).Text);

        var stored = Assert.Single(await ReportsAsync(host, "1804"));
        var answers = JsonNode.Parse(stored.AnswersJson)!;
        Assert.Equal("""["samfunnsplan","andre-sektorer"]""", answers["delayReasons"]!.ToJsonString());
        Assert.Equal("Hjelp med medvirkning", (string?)answers["helpWanted"]);
    }

    [Fact]
    public async Task Cancel_leaves_nothing_saved()
    {
        await using var host = await StartAsync();
        await AddPeopleAsync(host);
        var chat = host.Conversation(user: BodoContact);
        await chat.SayAsync("rapporter status");
        await chat.SubmitAsync(ValidCard());
        Assert.Contains("Ingenting", (await chat.SayAsync("avbryt")).Text);
        Assert.Empty(await ReportsAsync(host, "1804"));
    }

    [Fact]
    public async Task The_report_resumes_after_a_restart()
    {
        await using var host = await StartAsync();
        await AddPeopleAsync(host);
        var chat = host.Conversation(channelId: "text", user: BodoContact);
        await chat.SayAsync("rapporter status");
        await chat.SayAsync("vedtatt");
        await host.RestartAsync();

        var reply = await chat.SayAsync("fortsett");
        Assert.Contains("Dato for det politiske vedtaket", reply.Text);
        Assert.Contains("Kommentar til planarbeidet", (await chat.SayAsync("23.09.2021")).Text);
    }

    [Fact]
    public async Task A_correction_makes_a_new_version_prefilled_from_the_last_and_keeps_the_old()
    {
        await using var host = await StartAsync();
        await AddPeopleAsync(host);
        var chat = host.Conversation(user: BodoContact);
        await chat.SayAsync("rapporter status");
        await chat.SubmitAsync(ValidCard());
        await chat.SubmitAsync(Send());

        var form = await chat.SayAsync("rapporter status");
        Assert.Contains("versjon 1", form.Everything);
        Assert.Contains("Seniortreff og måltidsvenner", form.Everything); // pre-filled
        await chat.SubmitAsync(ValidCard("Nå er også mat og måltider i gang i hjemmetjenesten."));
        Assert.Contains("versjon 2", (await chat.SubmitAsync(Send())).Everything);

        var versions = await ReportsAsync(host, "1804");
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal([false, true], versions.Select(v => v.IsCurrent));
    }

    [Fact]
    public async Task Concurrent_submissions_for_one_municipality_give_ordered_versions_and_one_current()
    {
        await using var host = await StartAsync();
        await AddPeopleAsync(host);
        // Two contacts of the same municipality, each in their own chat.
        await ImportAsync(host, LhlBot.People.ImportKind.Contacts, "municipality;name;email;aadObjectId\n1804;Per Bodø;per@bodo.kommune.no;11111111-0000-0000-0000-000000000005\n");
        var chats = new[] { host.Conversation(user: BodoContact), host.Conversation(user: new TestUser("29:per", "Per Bodø", "11111111-0000-0000-0000-000000000005")) };
        foreach (var chat in chats)
        {
            await chat.SayAsync("rapporter status");
            await chat.SubmitAsync(ValidCard());
        }

        var replies = await Task.WhenAll(chats.Select(c => c.SubmitAsync(Send())));

        Assert.All(replies, r => Assert.Contains("er sendt", r.Everything));
        var versions = await ReportsAsync(host, "1804");
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Single(versions, v => v.IsCurrent);
        Assert.Contains(replies, r => r.Everything.Contains("mens du fylte ut"));
    }
}
