using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LhlBot.Storage;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<LhlDbContext>
{
    public LhlDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<LhlDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
