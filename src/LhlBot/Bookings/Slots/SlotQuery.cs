using LhlBot.Bookings.Availability;
using LhlBot.People;
using LhlBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LhlBot.Bookings.Slots;

/// <summary>Loads the calendars of the advisors serving an office and asks <see cref="SlotFinder"/> for free times.</summary>
internal sealed class SlotQuery(LhlDbContext db, IOptions<BookingOptions> options, TimeProvider clock)
{
    public SlotRules Rules { get; } = SlotRules.From(options.Value);

    /// <summary>The organisations that must take part in a meeting of this kind.</summary>
    public static IReadOnlyList<Organisation> Organisations(MeetingWith with) => with switch
    {
        MeetingWith.Statsforvalteren => [Organisation.Statsforvalteren],
        MeetingWith.KS => [Organisation.KS],
        MeetingWith.USHT => [Organisation.USHT],
        _ => [Organisation.Statsforvalteren, Organisation.KS, Organisation.USHT],
    };

    /// <summary>Which kinds of meeting the office can offer: an organisation with at least one approved advisor there.</summary>
    public async Task<IReadOnlyList<MeetingWith>> OfferedAsync(int officeId, CancellationToken cancellationToken)
    {
        var present = await db.Set<RoleAssignment>()
            .Where(r => r.Role == Role.Advisor && r.Approved && r.OfficeId == officeId && r.Organisation != null)
            .Select(r => r.Organisation!.Value).Distinct().ToListAsync(cancellationToken);
        var offered = new List<MeetingWith>();
        foreach (var with in new[] { MeetingWith.Statsforvalteren, MeetingWith.KS, MeetingWith.USHT, MeetingWith.Joint })
        {
            if (Organisations(with).All(present.Contains)) offered.Add(with);
        }
        return offered;
    }

    /// <summary>Free times for a meeting with the office's advisors, from a date; the claims of <paramref name="ignoreBooking"/> (being moved) count as free.</summary>
    public async Task<List<Slot>> FindAsync(int officeId, MeetingWith with, DateOnly? from, int skip, int take, Guid? ignoreBooking, CancellationToken cancellationToken)
    {
        var groups = await CalendarsAsync(officeId, with, ignoreBooking, cancellationToken);
        return SlotFinder.Find(groups, Rules, clock.GetUtcNow(), from).Skip(skip).Take(take).ToList();
    }

    /// <summary>The slot at exactly this start, if it is still free (checked again right before booking).</summary>
    public async Task<Slot?> FindAtAsync(int officeId, MeetingWith with, DateTime startUtc, Guid? ignoreBooking, CancellationToken cancellationToken)
    {
        var groups = await CalendarsAsync(officeId, with, ignoreBooking, cancellationToken);
        var date = SlotFinder.ToOslo(startUtc).Date;
        return SlotFinder.Find(groups, Rules, clock.GetUtcNow(), new DateOnly(date.Year, date.Month, date.Day))
            .TakeWhile(s => s.StartUtc <= startUtc)
            .FirstOrDefault(s => s.StartUtc == startUtc);
    }

    private async Task<IReadOnlyList<IReadOnlyList<AdvisorCalendar>>> CalendarsAsync(int officeId, MeetingWith with, Guid? ignoreBooking, CancellationToken cancellationToken)
    {
        var organisations = Organisations(with);
        var advisors = await db.Set<RoleAssignment>()
            .Where(r => r.Role == Role.Advisor && r.Approved && r.OfficeId == officeId && r.Organisation != null)
            .Select(r => new { r.PersonId, r.Person!.Name, Organisation = r.Organisation!.Value })
            .ToListAsync(cancellationToken);
        advisors = advisors.Where(a => organisations.Contains(a.Organisation)).OrderBy(a => a.PersonId).ToList();
        var ids = advisors.Select(a => a.PersonId).Distinct().ToList();
        var nowUtc = clock.GetUtcNow().UtcDateTime;

        var windows = await db.Set<AdvisorWindow>().Where(w => ids.Contains(w.PersonId)).ToListAsync(cancellationToken);
        var absences = await db.Set<AdvisorAbsence>().Where(a => ids.Contains(a.PersonId) && a.ToUtc > nowUtc).ToListAsync(cancellationToken);
        var claims = await db.Set<AdvisorSlotClaim>()
            .Where(c => ids.Contains(c.PersonId) && c.CellStartUtc >= nowUtc && (ignoreBooking == null || c.BookingId != ignoreBooking))
            .Select(c => new { c.PersonId, c.CellStartUtc }).ToListAsync(cancellationToken);

        return organisations.Select(organisation => (IReadOnlyList<AdvisorCalendar>)advisors
            .Where(a => a.Organisation == organisation)
            .Select(a => new AdvisorCalendar(
                a.PersonId, a.Name, a.Organisation,
                windows.Where(w => w.PersonId == a.PersonId).Select(w => (w.Weekday, w.From, w.To)).ToList(),
                absences.Where(x => x.PersonId == a.PersonId).Select(x => (x.FromUtc, x.ToUtc)).ToList(),
                claims.Where(c => c.PersonId == a.PersonId).Select(c => c.CellStartUtc).ToHashSet()))
            .ToList()).ToList();
    }
}
