using LhlBot.Knowledge;
using LhlBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;

namespace LhlBot.Questions;

/// <summary>
/// The one row that says how many times the knowledge was rebuilt on purpose (`reindex` in Teams or on the command
/// line). Each bot instance keeps its own Lucene index in its data folder; an instance that sees a generation newer
/// than its own rebuilds, so a reindex on one instance reaches them all.
/// </summary>
internal sealed class KnowledgeGeneration
{
    public const int SingletonId = 1;

    public int Id { get; init; } = SingletonId;
    public long Generation { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}

internal sealed class KnowledgeGenerationConfiguration : IEntityTypeConfiguration<KnowledgeGeneration>
{
    public void Configure(EntityTypeBuilder<KnowledgeGeneration> builder)
    {
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedNever();
    }
}

/// <summary>How often an instance looks for a reindex done elsewhere ("KnowledgeSync" section).</summary>
internal sealed class KnowledgeSyncOptions
{
    /// <summary>Seconds between looks; a reindex reaches every instance within this. 0 turns the look off (one instance).</summary>
    public int PollSeconds { get; set; } = 10;
}

/// <summary>Announces a local reindex to the other instances and picks theirs up.</summary>
internal sealed class KnowledgeSync(IServiceScopeFactory scopes, KnowledgeBase knowledge, TimeProvider clock, ILogger<KnowledgeSync> logger)
{
    private long seen;

    /// <summary>Records the generation this instance's index is at (after the start-up build).</summary>
    public async Task MarkCurrentAsync(CancellationToken cancellationToken) =>
        Interlocked.Exchange(ref seen, await ReadAsync(cancellationToken));

    /// <summary>After a reindex here: the next generation, so the other instances rebuild too.</summary>
    public async Task PublishAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LhlDbContext>();
        var now = clock.GetUtcNow();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            // One statement, so two reindexes at once both count.
            var updated = await db.Set<KnowledgeGeneration>().Where(g => g.Id == KnowledgeGeneration.SingletonId)
                .ExecuteUpdateAsync(s => s.SetProperty(g => g.Generation, g => g.Generation + 1).SetProperty(g => g.ChangedAt, now), cancellationToken);
            if (updated == 0)
            {
                db.Add(new KnowledgeGeneration { Generation = 1, ChangedAt = now });
                try { await db.SaveChangesAsync(cancellationToken); }
                catch (DbUpdateException ex) when (StorageErrors.IsUniqueViolation(ex)) { db.ChangeTracker.Clear(); continue; }
            }
            break;
        }
        Interlocked.Exchange(ref seen, await ReadAsync(cancellationToken));
    }

    /// <returns>True when another instance's reindex was found and this instance rebuilt.</returns>
    public async Task<bool> PollAsync(CancellationToken cancellationToken)
    {
        var current = await ReadAsync(cancellationToken);
        if (current <= Interlocked.Read(ref seen)) return false;
        var report = knowledge.Build(force: true);
        Interlocked.Exchange(ref seen, current);
        logger.LogInformation("Knowledge rebuilt for generation {Generation} (a reindex elsewhere): {Documents} documents, {Passages} passages.",
            current, report.Documents, report.Passages);
        return true;
    }

    private async Task<long> ReadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LhlDbContext>();
        return await db.Set<KnowledgeGeneration>().AsNoTracking().Where(g => g.Id == KnowledgeGeneration.SingletonId)
            .Select(g => g.Generation).FirstOrDefaultAsync(cancellationToken);
    }
}

/// <summary>Looks for a reindex done by another instance every <see cref="KnowledgeSyncOptions.PollSeconds"/> while the bot serves.</summary>
internal sealed class KnowledgeSyncService(KnowledgeSync sync, IOptions<KnowledgeSyncOptions> options, Hosting.Readiness readiness, ILogger<KnowledgeSyncService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.PollSeconds <= 0) return;
        try { await readiness.WaitAsync(stoppingToken); }
        catch (Exception ex) when (ex is not OperationCanceledException) { return; } // start-up failed; the host stops
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await sync.PollAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Looking for a reindex on another instance failed; trying again.");
            }
        }
    }
}
