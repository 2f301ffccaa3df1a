using LhlBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LhlBot.Conversations;

/// <summary>How long processed activity ids are kept, and how often old ones are pruned ("Conversations" section).</summary>
internal sealed class DeduplicationOptions
{
    /// <summary>Teams re-sends within minutes; a day covers any channel's retries with room to spare.</summary>
    public TimeSpan ProcessedActivityRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Pruning once an hour keeps the table at about a day's traffic.</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Teams re-sends an activity it got no answer to within 15 s, with the same id. The turn claims the
/// (conversation, activity id) pair in the same SaveChanges as the conversation's state, so the claim exists
/// exactly when the turn's work does: a turn that fails or dies claims nothing and its re-delivery runs, and a
/// re-delivery that races the first delivery loses on the primary key and is dropped, having saved and sent nothing.
/// Only that primary-key violation, confirmed by reading the claim, counts as a duplicate.
/// </summary>
internal static class ActivityDeduplication
{
    /// <summary>The claim of an activity, or null when it has no id to claim by.</summary>
    public static ProcessedActivity? ClaimFor(Protocol.Activity activity, TimeProvider clock) =>
        activity.Id is { Length: > 0 } id && activity.Conversation?.Id is { Length: > 0 } conversationId
            ? new ProcessedActivity { ConversationId = conversationId, ActivityId = id, ReceivedAt = clock.GetUtcNow().UtcDateTime }
            : null;

    public static Task<bool> IsProcessedAsync(LhlDbContext db, ProcessedActivity claim, CancellationToken cancellationToken) =>
        db.Set<ProcessedActivity>().AsNoTracking().AnyAsync(p => p.ConversationId == claim.ConversationId && p.ActivityId == claim.ActivityId, cancellationToken);

    /// <summary>A primary-key or unique violation (see <see cref="StorageErrors.IsUniqueViolation"/>).</summary>
    public static bool IsUniqueViolation(DbUpdateException ex) => StorageErrors.IsUniqueViolation(ex);
}

/// <summary>Deletes processed-activity claims older than the retention, so the table stays about a day long.</summary>
internal sealed class ProcessedActivityPruner(IServiceScopeFactory scopes, IOptions<DeduplicationOptions> options, TimeProvider clock, Hosting.Readiness readiness,
    JobLeases leases, Hosting.BotTelemetry telemetry, ILogger<ProcessedActivityPruner> logger) : BackgroundService
{
    public const string LeaseName = "processed-activity-pruning";

    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = (clock.GetUtcNow() - options.Value.ProcessedActivityRetention).UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LhlDbContext>();
        var removed = await db.Set<ProcessedActivity>().Where(p => p.ReceivedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        telemetry.Pruned.Add(removed, new KeyValuePair<string, object?>("lhlbot.table", "ProcessedActivity"));
        if (removed > 0) logger.LogInformation("Pruned {Count} processed-activity claims older than {Cutoff:O}.", removed, cutoff);
        return removed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitForDatabaseAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.Value.PruneInterval, clock);
        do
        {
            try
            {
                // Once per interval across bot instances: whoever takes the lease prunes.
                if (await leases.TryAcquireAsync(LeaseName, options.Value.PruneInterval * 0.9, stoppingToken)) await PruneAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Pruning processed-activity claims failed; trying again in {Interval}.", options.Value.PruneInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
