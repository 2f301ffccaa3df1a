using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using LhlBot.Bookings.Slots;
using LhlBot.Protocol;
using NodaTime;

namespace LhlBot.Bookings.Invitations;

/// <summary>
/// The calendar invitation (ICS) for a booking, made with Ical.Net: times in Europe/Oslo with its VTIMEZONE (so
/// summer and winter time are right in every calendar), a UID that is the booking's own, and a SEQUENCE raised on
/// every change — so an update or a cancellation replaces the same calendar entry instead of adding another.
/// </summary>
internal static class InvitationBuilder
{
    public const string FileName = "veiledningsmote.ics";
    public const string ContentType = "text/calendar";

    public static string Build(Booking booking, string municipalityName, DateTimeOffset now)
    {
        var calendar = new Calendar { Method = booking.Status == BookingStatus.Cancelled ? "CANCEL" : "REQUEST" };
        calendar.ProductId = "-//LhlBot//Leve hele livet//NO";
        calendar.AddTimeZone(BookingOptions.TimeZoneId);

        var evt = new CalendarEvent
        {
            Uid = booking.Uid,
            Sequence = booking.Sequence,
            Summary = $"{BookingTexts.Kind(booking.With)}: {municipalityName} – {BookingTexts.Topic(booking.Topic)}",
            Description = Description(booking, municipalityName),
            Location = booking.Format == BookingTexts.InPerson ? booking.Place : "Microsoft Teams",
            DtStart = Local(booking.StartUtc),
            DtEnd = Local(booking.EndUtc),
            DtStamp = new CalDateTime(now.UtcDateTime),
            Status = booking.Status == BookingStatus.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
        };
        if (booking.BookedBy?.Email is { Length: > 0 } contactEmail)
        {
            evt.Attendees.Add(new Attendee("mailto:" + contactEmail) { CommonName = booking.BookedBy.Name, Role = "REQ-PARTICIPANT" });
        }
        foreach (var advisor in booking.Advisors)
        {
            if (advisor.Person?.Email is { Length: > 0 } email)
            {
                evt.Attendees.Add(new Attendee("mailto:" + email) { CommonName = advisor.Person.Name, Role = "REQ-PARTICIPANT" });
            }
        }
        calendar.Events.Add(evt);
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>The invitation as a message attachment.</summary>
    public static LhlBot.Protocol.Attachment Attachment(string ics) => new() { ContentType = ContentType, Name = FileName, Content = System.Text.Json.Nodes.JsonValue.Create(ics) };

    private static CalDateTime Local(DateTime utc)
    {
        var local = SlotFinder.ToOslo(utc);
        return new CalDateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, BookingOptions.TimeZoneId);
    }

    private static string Description(Booking booking, string municipalityName)
    {
        var lines = new List<string>
        {
            $"Kommune: {municipalityName}",
            $"Tema: {BookingTexts.Topic(booking.Topic)}",
            $"Form: {BookingTexts.Format(booking.Format, booking.Place)}",
        };
        if (!string.IsNullOrWhiteSpace(booking.Description)) lines.Add($"Beskrivelse: {booking.Description}");
        lines.Add($"Deltakere: {string.Join(", ", booking.Advisors.Select(a => $"{a.Person?.Name} ({a.Organisation})"))}");
        lines.Add("Booket via LhlBot. Flytt eller avlys i Teams: skriv «mine avtaler».");
        return string.Join("\n", lines);
    }

    /// <summary>Keeps the NodaTime reference explicit: VTIMEZONE generation relies on tzdb through Ical.Net.</summary>
    internal static DateTimeZone Zone => SlotFinder.Oslo;
}
