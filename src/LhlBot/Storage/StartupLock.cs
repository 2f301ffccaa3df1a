using Microsoft.EntityFrameworkCore;

namespace LhlBot.Storage;

/// <summary>
/// Makes migrating and seeding one instance's job at a time: on PostgreSQL, bot instances and CLI imports started
/// together would otherwise each create the registry's rows. A session-level advisory lock on the context's
/// connection, held until disposed (released by the server if the process dies). SQLite needs none: one file, one
/// machine, and its writers already queue.
/// </summary>
internal sealed class StartupLock : IAsyncDisposable
{
    /// <summary>An arbitrary, fixed key for "LhlBot start-up" in pg_advisory_lock's key space.</summary>
    private const long Key = 0x4C484C_0001;

    private readonly LhlDbContext? db;

    private StartupLock(LhlDbContext? db) => this.db = db;

    public static async Task<StartupLock> AcquireAsync(LhlDbContext db, StorageProvider provider, CancellationToken cancellationToken)
    {
        if (provider != StorageProvider.PostgreSql) return new StartupLock(null);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({Key})", cancellationToken);
        return new StartupLock(db);
    }

    public async ValueTask DisposeAsync()
    {
        if (db is null) return;
        try
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({Key})");
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
