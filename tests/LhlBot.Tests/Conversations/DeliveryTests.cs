using System.Net;
using System.Net.Http.Json;
using LhlBot.Conversations;
using LhlBot.Conversations.Dialogs;
using LhlBot.Protocol;
using LhlBot.Storage;
using LhlBot.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LhlBot.Tests.Conversations;

/// <summary>
/// No message is dropped: a re-delivered activity is processed unless its first delivery committed, whatever
/// failed in between (a crash, a timeout, a locked database).
/// </summary>
public sealed class DeliveryTests
{
    /// <summary>A job that fails or stalls on its first «krasj» / «vent», as a turn cut off by a crash or a slow disk would.</summary>
    private sealed class FlakyFeature(Flakiness flakiness) : IBotFeature
    {
        public Task<IReadOnlyList<MenuItem>> MenuItemsAsync(DialogContext dc, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<MenuItem>>([]);

        public async Task<bool> TryStartAsync(DialogContext dc, CancellationToken cancellationToken)
        {
            if (dc.Input.IsCommand("krasj"))
            {
                if (Interlocked.Increment(ref flakiness.Crashes) == 1) throw new IOException("the disk went away");
                await dc.SendAsync("Krasj-meldingen er behandlet.", cancellationToken);
                return true;
            }
            if (dc.Input.IsCommand("vent"))
            {
                if (Interlocked.Increment(ref flakiness.Waits) == 1) await flakiness.Release.Task.WaitAsync(cancellationToken);
                Interlocked.Increment(ref flakiness.Processed);
                await dc.SendAsync("Vent-meldingen er behandlet.", cancellationToken);
                return true;
            }
            return false;
        }
    }

    private sealed class Flakiness
    {
        public int Crashes;
        public int Waits;
        public int Processed;
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private static Activity Message(string text, string id, string conversation) => new()
    {
        Type = ActivityTypes.Message, Id = id, Text = text, ChannelId = "test", ServiceUrl = "http://localhost/connector/",
        From = new ChannelAccount("29:user", "Kari"), Recipient = new ChannelAccount("28:bot", "LhlBot"),
        Conversation = new ConversationAccount { Id = conversation }, DeliveryMode = DeliveryModes.ExpectReplies,
    };

    private static async Task<string> PostAsync(HttpClient client, Activity activity)
    {
        var response = await client.PostAsJsonAsync("/api/messages", activity, ProtocolJson.Options);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<BotHost> StartAsync(Flakiness flakiness, IDictionary<string, string?>? settings = null) =>
        await BotHost.StartAsync(settings, services: s =>
        {
            s.AddSingleton(flakiness);
            s.AddScoped<IBotFeature, FlakyFeature>();
        });

    [Fact]
    public async Task A_turn_that_failed_is_processed_when_the_channel_delivers_it_again()
    {
        var flakiness = new Flakiness();
        await using var host = await StartAsync(flakiness);
        var client = host.CreateClient();
        var message = Message("krasj", "crash-1", "conv-crash");

        Assert.Contains("Beklager", await PostAsync(client, message));
        Assert.Contains("Krasj-meldingen er behandlet", await PostAsync(client, message));
        // Once processed, a third delivery is a duplicate.
        Assert.DoesNotContain("behandlet", await PostAsync(client, message));
        Assert.Equal(2, flakiness.Crashes);
    }

    [Fact]
    public async Task A_retry_sent_while_the_first_delivery_is_still_running_is_not_dropped()
    {
        var flakiness = new Flakiness();
        await using var host = await StartAsync(flakiness);
        var client = host.CreateClient();
        var message = Message("vent", "slow-1", "conv-slow");

        var first = PostAsync(client, message);
        while (flakiness.Waits == 0) await Task.Delay(10);
        // The channel gave up on the first delivery and sends the activity again.
        var retry = await PostAsync(client, message);
        Assert.Contains("Vent-meldingen er behandlet", retry);

        flakiness.Release.SetResult();
        var late = await first;
        // The first delivery finished after the retry had committed: it saved and said nothing.
        Assert.DoesNotContain("behandlet", late);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LhlDbContext>();
        Assert.Equal(1, (await db.Set<ConversationRecord>().SingleAsync(c => c.Id == "conv-slow")).Version);
    }

    [Fact]
    public async Task A_locked_database_is_not_taken_for_a_duplicate_and_the_redelivery_is_processed()
    {
        var flakiness = new Flakiness();
        var folder = Path.Combine(Path.GetTempPath(), "lhlbot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var connection = $"Data Source={Path.Combine(folder, "lhlbot.db")};Default Timeout=1";
        await using var host = await StartAsync(flakiness, new Dictionary<string, string?>
        {
            // A SQLite writer's lock is the point of this test, also when the suite runs on PostgreSQL.
            ["Storage:Provider"] = "Sqlite", ["Storage:ConnectionString"] = connection, ["Storage:DataFolder"] = folder,
        });
        var client = host.CreateClient();
        await PostAsync(client, Message("meny", "warm-up", "conv-lock"));
        var message = Message("krasj", "locked-1", "conv-lock");
        flakiness.Crashes = 1; // no crash: only the lock is in the way

        await using (var locker = new SqliteConnection(connection))
        {
            await locker.OpenAsync();
            await using var begin = locker.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync();
            var locked = await PostAsync(client, message);
            Assert.Contains("Beklager", locked);
            await using var rollback = locker.CreateCommand();
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync();
        }

        Assert.Contains("Krasj-meldingen er behandlet", await PostAsync(client, message));
    }

    [Fact]
    public async Task Claims_older_than_the_retention_are_pruned()
    {
        await using var host = await BotHost.StartAsync();
        var client = host.CreateClient();
        await PostAsync(client, Message("meny", "fresh", "conv-prune"));
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LhlDbContext>();
            for (var i = 0; i < 50; i++)
            {
                db.Add(new ProcessedActivity { ConversationId = "conv-prune", ActivityId = $"old-{i}", ReceivedAt = DateTime.UtcNow.AddDays(-2).AddMinutes(i) });
            }
            await db.SaveChangesAsync();
        }

        Assert.Equal(50, await host.Services.GetRequiredService<ProcessedActivityPruner>().PruneAsync(CancellationToken.None));
        await using var check = host.Services.CreateAsyncScope();
        Assert.Equal(["fresh"], await check.ServiceProvider.GetRequiredService<LhlDbContext>().Set<ProcessedActivity>().Select(p => p.ActivityId).ToListAsync());
    }
}
