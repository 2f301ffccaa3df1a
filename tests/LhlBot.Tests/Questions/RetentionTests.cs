using LhlBot.Questions;
using LhlBot.Storage;
using LhlBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LhlBot.Tests.Questions;

/// <summary>The question log keeps who asked for a month, answered questions for a season, the review queue for a year.</summary>
public sealed class RetentionTests
{
    [Fact]
    public async Task Old_questions_lose_the_user_id_answered_ones_go_and_the_review_queue_stays_its_year()
    {
        // The periodic service is off (interval 0), so the run measured here is the only one: at start-up the service
        // would otherwise prune the rows first, leaving this run nothing to count.
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?> { ["Demo:Enabled"] = "false", ["Retention:Interval"] = "00:00:00" });
        var now = DateTimeOffset.UtcNow;
        QuestionLogEntry Entry(string question, int daysAgo, bool answered, int? feedback = null) => new()
        {
            Id = Guid.NewGuid(), AskedAt = now.AddDays(-daysAgo), ConversationId = "c-retention", UserAadObjectId = "aad-" + question,
            Question = question, SearchedAs = question, Answered = answered, Feedback = feedback,
        };
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LhlDbContext>();
            db.AddRange(
                Entry("fresh", 2, answered: true),
                Entry("month-old answered", 40, answered: true),
                Entry("season-old answered", 100, answered: true),
                Entry("season-old disliked", 100, answered: true, feedback: -1),
                Entry("season-old unanswered", 100, answered: false),
                Entry("two-years unanswered", 800, answered: false));
            await db.SaveChangesAsync();
        }

        var outcome = await host.Services.GetRequiredService<QuestionLogRetention>().RunOnceAsync(CancellationToken.None);

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var left = await scope.ServiceProvider.GetRequiredService<LhlDbContext>().Set<QuestionLogEntry>().AsNoTracking()
                .Where(q => q.ConversationId == "c-retention").ToListAsync();
            Assert.Equal(["fresh", "month-old answered", "season-old disliked", "season-old unanswered"], left.Select(q => q.Question).Order());
            Assert.Equal("aad-fresh", left.Single(q => q.Question == "fresh").UserAadObjectId);
            Assert.All(left.Where(q => q.Question != "fresh"), q => Assert.Null(q.UserAadObjectId));
        }
        Assert.Equal(new QuestionLogRetention.Outcome(Pseudonymised: 5, Deleted: 2), outcome);
    }

    [Fact]
    public async Task A_periodic_job_runs_on_one_of_two_instances_per_interval()
    {
        await using var first = await BotHost.StartAsync(new Dictionary<string, string?> { ["Demo:Enabled"] = "false" });
        await using var second = await BotHost.StartAsync(new Dictionary<string, string?> { ["Demo:Enabled"] = "false" }, dataFolder: first.DataFolder);
        var leases = new[] { first.Services.GetRequiredService<JobLeases>(), second.Services.GetRequiredService<JobLeases>() };
        var name = "test-job-" + Guid.NewGuid().ToString("N")[..8];

        var taken = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => leases[i % 2].TryAcquireAsync(name, TimeSpan.FromHours(1), CancellationToken.None))));
        Assert.Single(taken, t => t);

        // A lease that has run out is taken again, by one of them.
        var expired = "test-expired-" + Guid.NewGuid().ToString("N")[..8];
        Assert.True(await leases[0].TryAcquireAsync(expired, TimeSpan.Zero, CancellationToken.None));
        var again = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => leases[i % 2].TryAcquireAsync(expired, TimeSpan.FromHours(1), CancellationToken.None))));
        Assert.Single(again, t => t);
    }
}
