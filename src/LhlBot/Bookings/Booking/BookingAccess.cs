using LhlBot.People;

namespace LhlBot.Bookings;

/// <summary>
/// Who may see and change a booking, on top of <see cref="Access"/> (owned by People): a contact only their own
/// municipalities' bookings, an advisor the bookings they take part in, administrators all.
/// </summary>
internal static class BookingAccess
{
    public static bool CanSee(Person? person, Booking booking) =>
        person is not null && (person.ContactFor().Contains(booking.MunicipalityNumber)
            || booking.Advisors.Any(a => a.PersonId == person.Id)
            || person.Has(Role.Administrator));

    /// <summary>Cancel or move: either side of the meeting, or an administrator.</summary>
    public static bool CanChange(Person? person, Booking booking) => CanSee(person, booking);

    public static bool IsContact(Person? person) => person.ContactFor().Count > 0;

    public static bool IsAdvisor(Person? person) => person.AdvisesOffices().Count > 0;
}
