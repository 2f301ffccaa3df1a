using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LhlBot.Storage;

/// <summary>The database behind <see cref="LhlDbContext"/>: SQLite (default) or PostgreSQL, by Storage:Provider.</summary>
internal static class StorageServices
{
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StorageOptions>(configuration.GetSection("Storage"));
        services.AddSingleton<DataFolder>();
        services.AddSingleton<SqlitePragmas>();
        var provider = configuration.GetSection("Storage").GetValue<StorageProvider?>(nameof(StorageOptions.Provider)) ?? StorageProvider.Sqlite;
        if (provider == StorageProvider.PostgreSql)
        {
            // The same model as LhlDbContext with PostgreSQL's migrations; everything asks for LhlDbContext.
            services.AddDbContext<LhlDbContext, PostgreSqlDbContext>((sp, options) =>
                options.UseNpgsql(sp.GetRequiredService<DataFolder>().DatabaseConnectionString));
        }
        else
        {
            services.AddDbContext<LhlDbContext>((sp, options) => options
                .UseSqlite(sp.GetRequiredService<DataFolder>().DatabaseConnectionString)
                .AddInterceptors(sp.GetRequiredService<SqlitePragmas>()));
        }
        return services;
    }
}

/// <summary>Provider-neutral reading of database errors.</summary>
internal static class StorageErrors
{
    /// <summary>
    /// A unique index or primary key refused the write (SQLite: SQLITE_CONSTRAINT_PRIMARYKEY / _UNIQUE; PostgreSQL:
    /// SQL state 23505): another turn, instance or booking got there first.
    /// </summary>
    public static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 1555 or 2067 } => true,
        DbException { SqlState: "23505" } => true,
        _ => false,
    };
}

/// <summary>
/// Per-connection SQLite settings. WAL (set once on the file at start) lets readers go on while a turn writes;
/// <c>synchronous=NORMAL</c> in WAL mode syncs at checkpoints instead of at every commit (a power cut can lose the
/// last commits, never corrupt the file); <c>busy_timeout</c> makes SQLite wait for a writer's lock itself, in short
/// steps, instead of failing at once into Microsoft.Data.Sqlite's retry loop that sleeps 150 ms a time.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
