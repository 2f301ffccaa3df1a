using LhlBot.Tests.Infrastructure;
using static LhlBot.Tests.StatusReports.StatusTestHost;

namespace LhlBot.Tests.People;

public sealed class RoleRulesTests
{
    [Fact]
    public async Task A_contact_of_one_municipality_cannot_report_for_or_read_another()
    {
        await using var host = await StartAsync();
        await AddPeopleAsync(host);
        var chat = host.Conversation(user: NarvikContact);
        await chat.SayAsync("rapporter status");
        await chat.SubmitAsync(ValidCard());
        await chat.SubmitAsync(Send());

        var bodo = host.Conversation(user: BodoContact);
        var reply = await bodo.SayAsync("rapporter for Narvik");
        Assert.Contains("Du kan bare rapportere for Bodø", reply.Text);
        var mine = await bodo.SayAsync("se rapporten vår");
        Assert.DoesNotContain("Narvik", mine.Everything);
        Assert.Contains("for støtteapparatet", (await bodo.SayAsync("oppsummering")).Text);
        Assert.Empty(await ReportsAsync(host, "1804"));
    }

    [Fact]
    public async Task An_unknown_user_sees_no_report_menu_and_cannot_report_or_see_summaries()
    {
        await using var host = await StartAsync();
        await AddPeopleAsync(host);
        var chat = host.Conversation(user: Stranger);
        var menu = await chat.SayAsync("meny");
        Assert.DoesNotContain("Rapporter status", menu.Everything);
        Assert.DoesNotContain("Statusoppsummering", menu.Everything);
        Assert.Contains("Registrer meg som kontaktperson", menu.Everything);
        Assert.Contains("Bare registrerte kontaktpersoner", (await chat.SayAsync("rapporter status")).Text);
        Assert.Contains("bare for det regionale støtteapparatet", (await chat.SayAsync("oppsummering 2021-11")).Text);
    }

    [Fact]
    public async Task An_unapproved_claim_gives_no_access_until_an_advisor_of_that_office_approves_it()
    {
        await using var host = await StartAsync();
        await AddPeopleAsync(host);
        var stranger = host.Conversation(channelId: "text", user: Stranger);
        Assert.Contains("Vil du melde deg som kontaktperson for Leve hele livet i Herøy (Nordland)", (await stranger.SayAsync("jeg er kontaktperson for Herøy i Nordland")).Text);
        Assert.Contains("må godkjenne", (await stranger.SayAsync("ja")).Text);
        Assert.Contains("ikke godkjent det ennå", (await stranger.SayAsync("rapporter status")).Text);

        // An advisor of another office neither sees nor settles the claim.
        var agder = host.Conversation(channelId: "text", user: AgderAdvisor);
        Assert.DoesNotContain("Godkjenn kontaktpersoner", (await agder.SayAsync("meny")).Text);
        Assert.Contains("Ingen venter", (await agder.SayAsync("godkjenn kontaktpersoner")).Text);

        var nordland = host.Conversation(channelId: "text", user: NordlandAdvisor);
        Assert.Contains("Godkjenn kontaktpersoner (1)", (await nordland.SayAsync("meny")).Text);
        Assert.Contains("Ukjent Person", (await nordland.SayAsync("godkjenn kontaktpersoner")).Text);
        Assert.Contains("er godkjent", (await nordland.SayAsync("godkjenn 1")).Text);

        Assert.Contains("Status for planarbeidet", (await stranger.SayAsync("rapporter status")).Text);
    }

    [Fact]
    public async Task An_advisor_sees_only_their_office_and_national_users_see_all()
    {
        await using var host = await StartAsync();
        await AddPeopleAsync(host);
        await ImportAsync(host, LhlBot.People.ImportKind.Contacts, "municipality;name;email;aadObjectId\n4204;Kristin Kristiansand;k@kristiansand.kommune.no;\n");
        var nordland = host.Conversation(channelId: "text", user: NordlandAdvisor);
        var own = await nordland.SayAsync("oppsummering");
        Assert.Contains("Statsforvalteren i Nordland", own.Text);
        Assert.Contains("av 41 kommuner", own.Text);
        Assert.Contains("Du kan bare se oppsummeringen for Statsforvalteren i Nordland", (await nordland.SayAsync("oppsummering Agder")).Text);
    }
}
