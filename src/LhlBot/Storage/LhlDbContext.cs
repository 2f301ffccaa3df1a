using Microsoft.EntityFrameworkCore;

namespace LhlBot.Storage;

/// <summary>
/// The bot's database. Each job keeps its entities and their mapping in its own folder;
/// this context only gathers the mappings (IEntityTypeConfiguration) from the assembly.
/// </summary>
internal sealed class LhlDbContext(DbContextOptions<LhlDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(LhlDbContext).Assembly);
}
