using LhlBot.Hosting;
using LhlBot.People;
using LhlBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace LhlBot.Bookings.Availability;

/// <summary>
/// For a newcomer trying the bot (configuration Demo:Enabled): gives the demo advisors (e-mail @demo.lhlbot.no,
/// created by the People demo seeder) weekday windows, so booking shows times at once. Does nothing when any
/// availability exists already, or when there are no demo advisors.
/// </summary>
internal sealed class DemoAvailabilitySeeder(LhlDbContext db, IConfiguration configuration, ILogger<DemoAvailabilitySeeder> logger) : ISeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("Demo:Enabled")) return;
        if (await db.Set<AdvisorWindow>().AnyAsync(cancellationToken)) return;
        var advisors = await db.Set<Person>()
            .Where(p => p.Email != null && p.Email.EndsWith("@demo.lhlbot.no") && p.Roles.Any(r => r.Role == Role.Advisor))
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
