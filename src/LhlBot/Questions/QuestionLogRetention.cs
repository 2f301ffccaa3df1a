using LhlBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LhlBot.Questions;

/// <summary>How long the question log keeps what ("Retention" section).</summary>
internal sealed class QuestionLogRetentionOptions
{
    /// <summary>Who asked is needed only while someone may follow the question up; after this the user id is removed.</summary>
    public TimeSpan UserIdRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Answered questions without a 👎 are only statistics after a season of reporting.</summary>
    public TimeSpan AnsweredRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>The review queue (unanswered or 👎) is what administrators add documents from: kept a year.</summary>
    public TimeSpan ReviewRetention { get; set; } = TimeSpan.FromDays(365);

    /// <summary>One run an hour, on one instance.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Keeps the question log to what it is for: drops the user id after <see cref="QuestionLogRetentionOptions.UserIdRetention"/>,
/// answered questions after <see cref="QuestionLogRetentionOptions.AnsweredRetention"/>, and everything, the review queue too,
/// after <see cref="QuestionLogRetentionOptions.ReviewRetention"/>.
/// </summary>
internal sealed class QuestionLogRetention(IServiceScopeFactory scopes, IOptions<QuestionLogRetentionOptions> options, TimeProvider clock,
    Hosting.BotTelemetry telemetry, ILogger<QuestionLogRetention> logger)
{
    public sealed record Outcome(int Pseudonymised, int Deleted);

    public async Task<Outcome> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var o = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LhlDbContext>();
        int anonymised, deleted;
        if (db.Database.IsSqlite())
        {
            // SQLite cannot compare DateTimeOffset in a query; EF stores it as ISO text with the offset, always +00:00
            // here (the clock's UTC now), so comparing the text with a cutoff written the same way is exact.
            string Text(TimeSpan age) => (now - age).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", System.Globalization.CultureInfo.InvariantCulture);
            anonymised = await db.Database.ExecuteSqlInterpolatedAsync(
                $"""UPDATE "QuestionLogEntry" SET "UserAadObjectId" = NULL WHERE "UserAadObjectId" IS NOT NULL AND "AskedAt" < {Text(o.UserIdRetention)}""", cancellationToken);
            deleted = await db.Database.ExecuteSqlInterpolatedAsync(
                $"""DELETE FROM "QuestionLogEntry" WHERE ("Answered" AND ("Feedback" IS NULL OR "Feedback" <> -1) AND "AskedAt" < {Text(o.AnsweredRetention)}) OR "AskedAt" < {Text(o.ReviewRetention)}""", cancellationToken);
        }
        else
        {
            var (userCutoff, answeredCutoff, reviewCutoff) = (now - o.UserIdRetention, now - o.AnsweredRetention, now - o.ReviewRetention);
            anonymised = await db.Set<QuestionLogEntry>().Where(q => q.UserAadObjectId != null && q.AskedAt < userCutoff)
                .ExecuteUpdateAsync(s => s.SetProperty(q => q.UserAadObjectId, (string?)null), cancellationToken);
            deleted = await db.Set<QuestionLogEntry>()
                .Where(q => (q.Answered && (q.Feedback == null || q.Feedback != -1) && q.AskedAt < answeredCutoff) || q.AskedAt < reviewCutoff)
                .ExecuteDeleteAsync(cancellationToken);
        }
        telemetry.Pruned.Add(deleted, new KeyValuePair<string, object?>("lhlbot.table", "QuestionLogEntry"));
        if (anonymised + deleted > 0) logger.LogInformation("Question log: user id removed from {Anonymised} entries, {Deleted} entries deleted.", anonymised, deleted);
        return new Outcome(anonymised, deleted);
    }
}

/// <summary>Runs <see cref="QuestionLogRetention"/> every interval on whichever instance takes the lease.</summary>
internal sealed class QuestionLogRetentionService(QuestionLogRetention job, JobLeases leases, IOptions<QuestionLogRetentionOptions> options,
    Hosting.Readiness readiness, TimeProvider clock, ILogger<QuestionLogRetentionService> logger) : BackgroundService
{
    public const string LeaseName = "question-log-retention";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.Interval;
        if (interval <= TimeSpan.Zero) return;
        await readiness.WaitForDatabaseAsync(stoppingToken);
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                // A lease a little shorter than the interval: the next tick, here or elsewhere, finds it free.
                if (await leases.TryAcquireAsync(LeaseName, interval * 0.9, stoppingToken)) await job.RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "The question log's retention run failed; trying again in {Interval}.", interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
