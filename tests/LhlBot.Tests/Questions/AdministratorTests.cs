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

    /// <summary>
    /// Two bot instances on one database, each with its own index (as in a scale-out): a reindex in Teams on one of
    /// them reaches the other, which rebuilds from its documents and answers from the new one.
    /// </summary>
    [Fact]
    public async Task A_reindex_on_one_instance_is_picked_up_by_the_other()
    {
        var documents = Path.Combine(Path.GetTempPath(), "lhlbot-tests", "knowledge-" + Guid.NewGuid().ToString("N"));
        CopyFolder(Path.Combine(AppContext.BaseDirectory, "knowledge"), documents);
        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["Demo:Enabled"] = "false",
                ["Knowledge:SourceFolder"] = documents,
                ["KnowledgeSync:PollSeconds"] = "0", // the test looks itself, rather than waiting for the timer
            };
            await using var first = await BotHost.StartAsync(settings);
            await using var second = await BotHost.StartAsync(
                new Dictionary<string, string?>(settings) { ["Knowledge:IndexFolder"] = Path.Combine(first.DataFolder, "index-second") },
                dataFolder: first.DataFolder);
            var sync = second.Services.GetRequiredService<LhlBot.Questions.KnowledgeSync>();
            Assert.False(await sync.PollAsync(CancellationToken.None)); // nothing new yet

            File.WriteAllText(Path.Combine(documents, "kaffevenn-ordningen.md"), """
                ---
                title: "Kaffevenn-ordningen i Fjellvik"
                publisher: "Fjellvik kommune"
                date: 2026-10-01
                kind: erfaring
                language: nb
                ---

                # Kaffevenn-ordningen

                Kaffevenn-ordningen i Fjellvik kobler frivillige kaffevenner med eldre som bor alene. Hver kaffevenn
                besøker den samme eldre hjemme en gang i uka, og kommunens frivilligsentral følger opp kaffevennene.
                """);
            var rebuilt = await first.Conversation(channelId: "text", user: await AddAdministratorAsync(first)).SayAsync("reindex");
            Assert.Contains("Kunnskapsbasen er bygget på nytt: 6 dokumenter", rebuilt.Text);

            Assert.True(await sync.PollAsync(CancellationToken.None));
            var answer = await second.Conversation(channelId: "text").SayAsync("Hva er kaffevenn-ordningen i Fjellvik?");
            Assert.Contains("Kaffevenn-ordningen i Fjellvik", answer.Text);
            Assert.False(await sync.PollAsync(CancellationToken.None)); // once per reindex
        }
        finally
        {
            try { Directory.Delete(documents, recursive: true); } catch (IOException) { }
        }
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }
}
