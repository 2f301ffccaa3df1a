using LhlBot.Hosting;
using LhlBot.People;
using LhlBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace LhlBot.Bookings.Availability;

/// <summary>
/// For a newcomer trying the bot (configuration Demo:Enabled): gives the demo advisors (Statsforvalteren, KS and
/// USHT in Nordland, created by the demo data seeder) weekly windows, so booking shows times at once — every week
/// from today on, whatever today is. Demo advisors who already have windows keep them.
/// </summary>
internal sealed class DemoAvailabilitySeeder(LhlDbContext db, IConfiguration configuration, ILogger<DemoAvailabilitySeeder> logger) : ISeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("Demo:Enabled")) return;
        var advisors = await db.Set<Person>()
            .Where(p => p.AadObjectId != null && p.AadObjectId.StartsWith(StatusReports.DemoDataSeeder.DemoAadPrefix) && p.Roles.Any(r => r.Role == Role.Advisor))
            .Where(p => !db.Set<AdvisorWindow>().Any(w => w.PersonId == p.Id))
            .Select(p => p.Id).ToListAsync(cancellationToken);
        if (advisors.Count == 0) return;
        foreach (var id in advisors)
        {
            foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday })
            {
                db.Add(new AdvisorWindow { PersonId = id, Weekday = day, From = new TimeOnly(9, 0), To = new TimeOnly(11, 30) });
                db.Add(new AdvisorWindow { PersonId = id, Weekday = day, From = new TimeOnly(12, 30), To = new TimeOnly(15, 0) });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo availability given to {Count} demo advisors.", advisors.Count);
    }
}
