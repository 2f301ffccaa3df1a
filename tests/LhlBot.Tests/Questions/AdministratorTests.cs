using LhlBot.People;
using LhlBot.Storage;
using LhlBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LhlBot.Tests.Questions;

/// <summary>What administrators do with the knowledge base in Teams: rebuild it, read what it could not answer.</summary>
public sealed class AdministratorTests
{
    private static async Task<TestUser> AddAdministratorAsync(BotHost host)
    {
        var aad = Guid.NewGuid().ToString();
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LhlDbContext>();
        var person = new Person { Name = "Ada Admin", Email = $"ada-{aad}@example.no", AadObjectId = aad, CreatedAt = DateTimeOffset.UtcNow };
        person.Roles.Add(new RoleAssignment { Role = Role.Administrator, Approved = true, CreatedAt = DateTimeOffset.UtcNow });
        db.Add(person);
        await db.SaveChangesAsync();
        return new TestUser("29:ada", "Ada Admin", aad);
    }

    [Fact]
    public async Task An_administrator_rebuilds_the_index_in_teams_and_others_may_not()
    {
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?> { ["Demo:Enabled"] = "false" });
        var admin = host.Conversation(channelId: "text", user: await AddAdministratorAsync(host));

        var refused = await host.Conversation(channelId: "text").SayAsync("reindex");
        Assert.Contains("Bare administratorer", refused.Text);

        var rebuilt = await admin.SayAsync("reindex");
        Assert.Contains("Kunnskapsbasen er bygget på nytt: 5 dokumenter", rebuilt.Text);

        // Questions are still answered from the new index.
        Assert.Contains("_Kilde: ", (await admin.SayAsync("Hva er de fem innsatsområdene i reformen?")).Text);
    }

    [Fact]
    public async Task An_administrator_sees_the_questions_the_documents_could_not_answer()
    {
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?> { ["Demo:Enabled"] = "false" });
        await host.Conversation(channelId: "text").SayAsync("Hvem vant fotball-VM for kvinner i 1995?");
        var admin = host.Conversation(channelId: "text", user: await AddAdministratorAsync(host));

        var list = await admin.SayAsync("ubesvarte");
        Assert.Contains("«Hvem vant fotball-VM for kvinner i 1995?»", list.Text);

        Assert.Contains("Bare administratorer", (await host.Conversation(channelId: "text").SayAsync("ubesvarte")).Text);
    }
}
