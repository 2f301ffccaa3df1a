using LhlBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LhlBot.Municipalities;

/// <summary>
/// Loads the municipality registry (data/municipalities-YYYY.csv: number;name;county_number;county;office)
/// into the database at start, adding new rows and updating changed names; it never deletes, since reports
/// and people may point at a municipality that a later structure merged away.
/// </summary>
internal sealed class RegistrySeeder(LhlDbContext db, IOptions<RegistryOptions> options, ILogger<RegistrySeeder> logger)
{
    /// <summary>Office names that users and the reform documents still use for an office renamed since.</summary>
    private static readonly Dictionary<string, string> FormerOfficeNames = new(StringComparer.Ordinal)
    {
        ["Østfold, Buskerud, Oslo og Akershus"] = "Oslo og Viken",
    };

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var file = Path.Combine(Path.GetFullPath(options.Value.DataFolder, AppContext.BaseDirectory), $"municipalities-{options.Value.Structure}.csv");
        if (!File.Exists(file))
        {
            throw new InvalidOperationException($"The municipality registry {file} is missing; check Registry:Structure and Registry:DataFolder.");
        }

        var rows = (await File.ReadAllLinesAsync(file, cancellationToken))
            .Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split(';'))
            .ToList();

        var offices = await db.Set<Office>().ToDictionaryAsync(o => o.Name, cancellationToken);
        foreach (var name in rows.Select(r => r[4]).Distinct())
        {
            if (!offices.ContainsKey(name))
            {
                var office = new Office { Name = name, FormerNames = FormerOfficeNames.GetValueOrDefault(name, "") };
                db.Add(office);
                offices[name] = office;
            }
        }
        await db.SaveChangesAsync(cancellationToken);

        var municipalities = await db.Set<Municipality>().ToDictionaryAsync(m => m.Number, cancellationToken);
        var added = 0;
        foreach (var row in rows)
        {
            var (number, name, countyNumber, county, officeName) = (row[0], row[1], row[2], row[3], row[4]);
            if (municipalities.TryGetValue(number, out var existing))
            {
                existing.Name = name;
                existing.County = county;
                existing.CountyNumber = countyNumber;
                existing.OfficeId = offices[officeName].Id;
                continue;
            }
            db.Add(new Municipality { Number = number, Name = name, CountyNumber = countyNumber, County = county, OfficeId = offices[officeName].Id });
            added++;
        }
        await db.SaveChangesAsync(cancellationToken);
        if (added > 0) logger.LogInformation("Registry {Structure}: added {Added} municipalities.", options.Value.Structure, added);
    }
}
