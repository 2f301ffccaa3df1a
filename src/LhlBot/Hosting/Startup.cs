using System.Diagnostics;
using LhlBot.Knowledge;
using LhlBot.Municipalities;
using LhlBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace LhlBot.Hosting;

/// <summary>
/// What must be true before turns: the database migrated (EF migrations, never EnsureCreated), the registry and demo
/// data seeded; then the knowledge indexed (reused when unchanged). <see cref="Readiness"/> tells who waits how far.
/// </summary>
internal sealed class Startup(IServiceScopeFactory scopes, KnowledgeBase knowledge, Questions.KnowledgeSync knowledgeSync, DataFolder dataFolder, Readiness readiness, ILogger<Startup> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        await InitializeDatabaseAsync(cancellationToken);
        readiness.DatabaseDone();
        logger.LogInformation("Database ready in {Elapsed} ms.", watch.ElapsedMilliseconds);
        try
        {
            // The index build is CPU work under the knowledge base's lock; off the caller's thread.
            await Task.Run(() => LoadKnowledgeAsync(watch, cancellationToken), cancellationToken);
        }
        finally
        {
            readiness.KnowledgeDone();
        }
    }

    private async Task InitializeDatabaseAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LhlDbContext>();
            await using (await StartupLock.AcquireAsync(db, dataFolder.Provider, cancellationToken))
            {
                await db.Database.MigrateAsync(cancellationToken);
                if (dataFolder.Provider == StorageProvider.Sqlite)
                {
                    // WAL lets readers go on while a turn writes; two bot processes share the file safely.
                    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
                }
                await scope.ServiceProvider.GetRequiredService<RegistrySeeder>().SeedAsync(cancellationToken);
                foreach (var seeder in scope.ServiceProvider.GetServices<ISeeder>())
                {
                    await seeder.SeedAsync(cancellationToken);
                }
            }
        }
    }

    private async Task LoadKnowledgeAsync(Stopwatch watch, CancellationToken cancellationToken)
    {
        IndexReport report;
        try
        {
            await knowledgeSync.MarkCurrentAsync(cancellationToken); // read first: a reindex elsewhere during the build is picked up after
            try
            {
                report = knowledge.Build();
            }
            catch (IOException ex)
            {
                // Two processes started together on one data folder may both write the index; the second try reuses the first's.
                logger.LogWarning(ex, "Building the knowledge index met another writer; trying once more.");
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
                report = knowledge.Build();
            }
        }
        catch (Exception ex)
        {
            // Without an index the bot still reports and books; questions say they cannot search right now.
            logger.LogError(ex, "The knowledge index could not be built; questions cannot be answered until `reindex` succeeds.");
            return;
        }
        foreach (var problem in report.Problems)
        {
            logger.LogWarning("Knowledge document {File} skipped: {Reason}", problem.File, problem.Reason);
        }
        logger.LogInformation(
            "Ready in {Elapsed} ms: data in {DataFolder}; knowledge {Documents} documents, {Passages} passages ({IndexState}).",
            watch.ElapsedMilliseconds, dataFolder.Path, report.Documents, report.Passages, report.Reused ? "index reused" : "index built");
    }
}

/// <summary>Data a job adds at start (demo data for a newcomer, defaults); runs after migrations and the registry.</summary>
internal interface ISeeder
{
    Task SeedAsync(CancellationToken cancellationToken);
}
