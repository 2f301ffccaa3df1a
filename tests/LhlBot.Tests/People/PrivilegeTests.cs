using LhlBot.People;
using LhlBot.Storage;
using LhlBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static LhlBot.Tests.StatusReports.StatusTestHost;

namespace LhlBot.Tests.People;

/// <summary>No one takes a role they do not have: imports never change who a person is, and every role change is logged.</summary>
public sealed class PrivilegeTests
{
    private static readonly TestUser VestlandAdvisor = new("29:sf-vestland", "Vera Vestland", "22222222-0000-0000-0000-000000000001");
    private static readonly TestUser Administrator = new("29:admin", "Ada Admin", "22222222-0000-0000-0000-000000000002");
    private const string Throwaway = "22222222-0000-0000-0000-0000000000ee";

    private static async Task SeedAsync(BotHost host)
    {
        await ImportAsync(host, ImportKind.Advisors,
            "office;organisation;centre;name;email;aadObjectId\n" +
            $"Vestland;Statsforvalteren;;Vera Vestland;vera@statsforvalteren.no;{VestlandAdvisor.AadObjectId}\n");
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LhlDbContext>();
        var admin = new Person { Name = "Ada Admin", Email = "ada@hdir.no", AadObjectId = Administrator.AadObjectId, CreatedAt = DateTimeOffset.UtcNow };
        admin.Roles.Add(new RoleAssignment { Role = Role.Administrator, Approved = true, CreatedAt = DateTimeOffset.UtcNow });
        db.Add(admin);
        await db.SaveChangesAsync();
    }

    private static async Task<Person> PersonAsync(BotHost host, string email)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LhlDbContext>().Set<Person>().Include(p => p.Roles).AsNoTracking().SingleAsync(p => p.Email == email);
    }

    [Fact]
    public async Task An_advisor_cannot_move_her_own_or_the_administrators_identity_by_importing_contacts()
    {
        await using var host = await StartAsync();
        await SeedAsync(host);
        var vera = host.Conversation(channelId: "text", user: VestlandAdvisor);

        // 1. Her own record to a throw-away object id.
        await vera.SayAsync("importer");
        var first = await vera.SayAsync($"municipality;name;email;aadObjectId\n4601;Vera Vestland;vera@statsforvalteren.no;{Throwaway}");
        Assert.Contains("bare en administrator kan endre hvem en person er", first.Text);
        Assert.Contains("ingenting er lagret", first.Text);

        // 2. Her object id on the administrator's record, matched by e-mail.
        await vera.SayAsync("importer");
        var second = await vera.SayAsync($"municipality;name;email;aadObjectId\n4601;Ada Admin;ada@hdir.no;{VestlandAdvisor.AadObjectId}");
        Assert.Contains("Linje 2", second.Text);

        Assert.Equal(VestlandAdvisor.AadObjectId, (await PersonAsync(host, "vera@statsforvalteren.no")).AadObjectId);
        var admin = await PersonAsync(host, "ada@hdir.no");
        Assert.Equal(Administrator.AadObjectId, admin.AadObjectId);
        Assert.Single(admin.Roles);

        // She is still no administrator, and the administrator still is.
        Assert.Contains("Bare administratorer", (await vera.SayAsync("rollelogg")).Text);
        Assert.Contains("Bare administratorer kan importere rådgivere", (await ImportAsVeraAsync(vera,
            "office;organisation;centre;name;email;aadObjectId\nNordland;Statsforvalteren;;Ukjent;ukjent@x.no;")).Text);
        Assert.Contains("Rolleloggen", (await host.Conversation(channelId: "text", user: Administrator).SayAsync("rollelogg")).Text);
    }

    private static async Task<Reply> ImportAsVeraAsync(TestConversation vera, string csv)
    {
        await vera.SayAsync("importer");
        return await vera.SayAsync(csv);
    }

    [Fact]
    public async Task An_advisor_still_adds_contacts_of_her_office_and_every_grant_and_identity_change_is_in_the_role_log()
    {
        await using var host = await StartAsync();
        await SeedAsync(host);
        var vera = host.Conversation(channelId: "text", user: VestlandAdvisor);
        var ok = await ImportAsVeraAsync(vera, "municipality;name;email;aadObjectId\n4601;Berit Bergen;berit@bergen.kommune.no;\n");
        Assert.Contains("1 nye personer", ok.Text);

        // The administrator may change who someone is; that is logged too.
        var ada = host.Conversation(channelId: "text", user: Administrator);
        await ada.SayAsync("importer");
        Assert.Contains("Importert", (await ada.SayAsync($"municipality;name;email;aadObjectId\n4601;Berit Bergen;berit@bergen.kommune.no;{Throwaway}\n")).Text);
        Assert.Equal(Throwaway, (await PersonAsync(host, "berit@bergen.kommune.no")).AadObjectId);

        var log = (await ada.SayAsync("rollelogg")).Text;
        Assert.Contains("Rolle gitt: Berit Bergen – kontaktperson for Bergen (4601) (av Vera Vestland, teams)", log);
        Assert.Contains($"Identitet endret: Berit Bergen – aadObjectId (ingen) → {Throwaway} (av Ada Admin, teams)", log);
        Assert.Contains("rådgiver (Statsforvalteren) for Statsforvalteren i Vestland (av kommandolinjen, cli)", log);

        // The same log on the command line.
        await using var scope = host.Services.CreateAsyncScope();
        var command = scope.ServiceProvider.GetServices<LhlBot.Hosting.ICliCommand>().Single(c => c.Name == "roles log");
        var output = new StringWriter();
        Assert.Equal(0, await command.RunAsync([], TextReader.Null, output, CancellationToken.None));
        Assert.Contains("Identitet endret: Berit Bergen", output.ToString());
    }
}

/// <summary>One person cannot flood approvers with claims, and a display name never becomes a link or formatting.</summary>
public sealed class ClaimFloodTests
{
    [Fact]
    public async Task A_fourth_waiting_claim_is_refused_and_a_name_with_a_link_is_shown_escaped()
    {
        await using var host = await StartAsync();
        await AddPeopleAsync(host);
        var spammer = host.Conversation(channelId: "text", user: new TestUser("29:spam", "[Klikk her](http://evil.example) *Admin*", "44444444-0000-0000-0000-000000000001"));
        foreach (var municipality in new[] { "Bodø", "Narvik", "Rana" })
        {
            await spammer.SayAsync($"jeg er kontaktperson for {municipality}");
            Assert.Contains("Takk!", (await spammer.SayAsync("ja")).Text);
        }

        var fourth = await spammer.SayAsync("jeg er kontaktperson for Vefsn");
        Assert.Contains("Du har allerede 3 forespørsler som venter", fourth.Text);

        var list = (await host.Conversation(channelId: "text", user: NordlandAdvisor).SayAsync("godkjenn kontaktpersoner")).Text;
        Assert.Contains(@"\[Klikk her\]", list);
        Assert.DoesNotContain("[Klikk her](http://evil.example)", list);
        Assert.Equal(3, list.Split("Klikk her").Length - 1);
    }
}
