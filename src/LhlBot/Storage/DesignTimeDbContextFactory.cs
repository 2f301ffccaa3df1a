using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LhlBot.Storage;

/// <summary>
/// Lets `dotnet ef migrations add NAME --context LhlDbContext` build the SQLite model without starting the host.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<LhlDbContext>
{
    public LhlDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<LhlDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>
/// The same for `--context PostgreSqlDbContext --output-dir Storage/PostgreSqlMigrations`; no server is needed to add a migration.
/// </summary>
internal sealed class PostgreSqlDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgreSqlDbContext>
{
    public PostgreSqlDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlDbContext>().UseNpgsql("Host=localhost;Database=lhlbot_design").Options);
}
