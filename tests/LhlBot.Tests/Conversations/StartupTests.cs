using System.Net;
using System.Net.Http.Json;
using LhlBot.Hosting;
using LhlBot.Protocol;
using LhlBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LhlBot.Tests.Conversations;

/// <summary>
/// The listener opens before the database is prepared: until it is, a message gets 503 with Retry-After (the channel
/// sends it again) and a Norwegian text, and nothing of it is processed; then the same message is answered.
/// </summary>
public sealed class StartupTests
{
    /// <summary>A seeder that holds start-up until the test lets it go.</summary>
    private sealed class HeldSeeder(TaskCompletionSource gate) : ISeeder
    {
        public Task SeedAsync(CancellationToken cancellationToken) => gate.Task.WaitAsync(cancellationToken);
    }

    [Fact]
    public async Task Until_the_database_is_ready_a_message_gets_503_with_retry_after_and_then_it_is_answered()
    {
        var folder = Path.Combine(Path.GetTempPath(), "lhlbot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            await using (var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
            {
                builder.UseEnvironment("Testing");
                builder.UseSetting("Storage:DataFolder", folder);
                foreach (var (key, value) in TestDatabase.SettingsFor(folder)) builder.UseSetting(key, value);
                builder.ConfigureServices(services => services.AddSingleton<ISeeder>(new HeldSeeder(gate)));
            }))
            {
                var client = factory.CreateClient();
                var message = new Activity
                {
                    Type = ActivityTypes.Message, Id = "first", Text = "hjelp", ChannelId = "test",
                    ServiceUrl = "http://localhost/connector/", From = new ChannelAccount("29:user", "Kari"),
                    Recipient = new ChannelAccount("28:bot", "LhlBot"), Conversation = new ConversationAccount { Id = "c-start" },
                    DeliveryMode = DeliveryModes.ExpectReplies,
                };

                var early = await client.PostAsJsonAsync("/api/messages", message, ProtocolJson.Options);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, early.StatusCode);
                Assert.NotNull(early.Headers.RetryAfter);
                Assert.Contains("Jeg starter opp, prøv igjen om litt", await early.Content.ReadAsStringAsync());
                Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz")).StatusCode);

                gate.SetResult();
                await factory.Services.GetRequiredService<Readiness>().WaitAsync(CancellationToken.None);

                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
                var again = await client.PostAsJsonAsync("/api/messages", message, ProtocolJson.Options); // the channel's retry, same id
                Assert.Equal(HttpStatusCode.OK, again.StatusCode);
                var replies = await again.Content.ReadFromJsonAsync<ExpectedReplies>(ProtocolJson.Options);
                Assert.NotEmpty(replies!.Activities); // processed now: the 503 claimed nothing
            }
        }
        finally
        {
            gate.TrySetResult();
            TestDatabase.Drop(folder);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }
}
