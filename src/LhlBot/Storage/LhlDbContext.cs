using Microsoft.EntityFrameworkCore;

namespace LhlBot.Storage;

/// <summary>
/// The bot's database. Each job keeps its entities and their mapping in its own folder;
/// this context only gathers the mappings (IEntityTypeConfiguration) from the assembly.
/// This type is the SQLite one (migrations in Storage/Migrations); <see cref="PostgreSqlDbContext"/> is the same model
/// with its own migrations for PostgreSQL (EF's "one context type per provider").
/// </summary>
internal class LhlDbContext : DbContext
{
    public LhlDbContext(DbContextOptions<LhlDbContext> options) : base(options)
    {
    }

    protected LhlDbContext(DbContextOptions options) : base(options)
    {
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(LhlDbContext).Assembly);
}

/// <summary>The model of <see cref="LhlDbContext"/> on PostgreSQL; its migrations are in Storage/PostgreSqlMigrations.</summary>
internal sealed class PostgreSqlDbContext(DbContextOptions<PostgreSqlDbContext> options) : LhlDbContext(options);
