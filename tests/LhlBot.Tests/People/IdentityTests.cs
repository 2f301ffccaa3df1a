using LhlBot.Hosting;
using LhlBot.Protocol;
using LhlBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static LhlBot.Tests.StatusReports.StatusTestHost;

namespace LhlBot.Tests.People;

/// <summary>Roles come only from identities the channel vouches for: in Teams the object id with the tenant; elsewhere only what an administrator mapped.</summary>
public sealed class IdentityTests
{
    private const string Tenant = "aaaaaaaa-0000-0000-0000-00000000000a";

    private static async Task<BotHost> StartAsync()
    {
        var host = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "false",
            ["StatusReports:OpenWeeksBefore"] = "27",
            ["People:AllowedTenantIds:0"] = Tenant,
        });
        await AddPeopleAsync(host);
        return host;
    }

    private static TestConversation Signed(BotHost host, string channel, TestUser user, string? tenant = Tenant) =>
        new(host, "conv-" + Guid.NewGuid().ToString("N"), channel, user)
        {
            Authentication = TurnAuthentication.Channel,
            Shape = a => a.Conversation!.TenantId = tenant,
        };

    [Fact]
    public async Task A_client_supplied_object_id_on_webchat_gives_no_role()
    {
        await using var host = await StartAsync();

        var webchat = await Signed(host, "webchat", NordlandAdvisor).SayAsync("godkjenn kontaktpersoner");
        Assert.Contains("ikke registrert", webchat.Text);
        var emulator = await Signed(host, "emulator", BodoContact).SayAsync("rapporter status");
        Assert.Contains("Bare registrerte kontaktpersoner", emulator.Text);
    }

    [Fact]
    public async Task In_teams_the_object_id_counts_only_with_an_allowed_tenant_and_a_teams_user_id_alone_counts_for_nothing()
    {
        await using var host = await StartAsync();

        Assert.Contains("Status for planarbeidet", (await Signed(host, Channels.Msteams, BodoContact).SayAsync("rapporter status")).Everything);
        Assert.Contains("Bare registrerte kontaktpersoner", (await Signed(host, Channels.Msteams, BodoContact, tenant: "bbbbbbbb-0000-0000-0000-00000000000b").SayAsync("rapporter status")).Text);

        // Kari's Teams user id is known now; beside an object id nobody has, it proves nothing.
        var impostor = BodoContact with { AadObjectId = "cccccccc-0000-0000-0000-00000000000c" };
        Assert.Contains("Bare registrerte kontaktpersoner", (await Signed(host, Channels.Msteams, impostor).SayAsync("rapporter status")).Text);
    }

    [Fact]
    public async Task An_administrator_maps_a_webchat_account_and_then_it_is_that_person()
    {
        await using var host = await StartAsync();
        var user = new TestUser("webchat-user-7", "Kari i nettleseren", null);
        Assert.Contains("Bare registrerte kontaktpersoner", (await Signed(host, "webchat", user).SayAsync("rapporter status")).Text);

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var map = scope.ServiceProvider.GetServices<ICliCommand>().Single(c => c.Name == "people map");
            Assert.Equal(0, await map.RunAsync(["webchat", "webchat-user-7", "kari@bodo.kommune.no"], TextReader.Null, new StringWriter(), CancellationToken.None));
        }

        Assert.Contains("Status for planarbeidet", (await Signed(host, "webchat", user).SayAsync("rapporter status")).Everything);
    }
}
