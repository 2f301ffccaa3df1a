using LhlBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace LhlBot.Tests.Storage;

/// <summary>
/// Both migration sets must describe the model as it is: an entity or column added without a migration for SQLite
/// (`--context LhlDbContext`) and for PostgreSQL (`--context PostgreSqlDbContext --output-dir Storage/PostgreSqlMigrations`)
/// would leave one store without its table.
/// </summary>
public sealed class MigrationsTests
{
    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changes without a SQLite migration: dotnet ef migrations add NAME --project src/LhlBot --context LhlDbContext");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void PostgreSql_migrations_match_the_model()
    {
        using var db = new PostgreSqlDesignTimeDbContextFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changes without a PostgreSQL migration: dotnet ef migrations add NAME --project src/LhlBot --context PostgreSqlDbContext --output-dir Storage/PostgreSqlMigrations");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void Each_context_sees_only_its_own_migrations()
    {
        using var sqlite = new DesignTimeDbContextFactory().CreateDbContext([]);
        using var postgres = new PostgreSqlDesignTimeDbContextFactory().CreateDbContext([]);
        Assert.Empty(sqlite.Database.GetMigrations().Intersect(postgres.Database.GetMigrations()));
    }
}
