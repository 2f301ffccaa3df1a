using LhlBot.Bookings;
using LhlBot.Bookings.Invitations;
using LhlBot.People;

namespace LhlBot.Tests.Bookings;

public sealed class InvitationTests
{
    private static Booking Sample(DateTime startUtc)
    {
        var booking = new Booking
        {
            Id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
            MunicipalityNumber = "1804",
            OfficeId = 1,
            With = MeetingWith.Statsforvalteren,
            Topic = "mat-maltider",
            Format = "teams",
            StartUtc = startUtc,
            EndUtc = startUtc.AddHours(1),
            BookedBy = new Person { Name = "Ola Kontakt", Email = "ola@bodo.kommune.no" },
        };
        booking.Advisors.Add(new BookingAdvisor { PersonId = 2, Organisation = Organisation.Statsforvalteren, Person = new Person { Name = "Kari Rådgiver", Email = "kari@statsforvalteren.no" } });
        return booking;
    }

    [Fact]
    public void The_invitation_is_in_Oslo_time_with_its_time_zone_in_winter_and_summer()
    {
        var winter = InvitationBuilder.Build(Sample(new DateTime(2026, 3, 27, 8, 0, 0, DateTimeKind.Utc)), "Bodø", DateTimeOffset.UtcNow);
        Assert.Contains("DTSTART;TZID=Europe/Oslo:20260327T090000", winter);
        Assert.Contains("DTEND;TZID=Europe/Oslo:20260327T100000", winter);
        Assert.Contains("BEGIN:VTIMEZONE", winter);
        Assert.Contains("TZOFFSETTO:+0200", winter); // the summer-time rule is in the VTIMEZONE
        var summer = InvitationBuilder.Build(Sample(new DateTime(2026, 4, 10, 7, 0, 0, DateTimeKind.Utc)), "Bodø", DateTimeOffset.UtcNow);
        Assert.Contains("DTSTART;TZID=Europe/Oslo:20260410T090000", summer);
        Assert.Contains("METHOD:REQUEST", summer);
        Assert.Contains("kari@statsforvalteren.no", summer.Replace("\r\n ", ""), StringComparison.OrdinalIgnoreCase); // unfold RFC 5545 long lines
    }

    [Fact]
    public void An_update_and_a_cancellation_keep_the_uid_and_raise_the_sequence()
    {
        var booking = Sample(new DateTime(2026, 3, 27, 8, 0, 0, DateTimeKind.Utc));
        var first = InvitationBuilder.Build(booking, "Bodø", DateTimeOffset.UtcNow);
        booking.StartUtc = booking.StartUtc.AddDays(7);
        booking.Sequence++;
        var moved = InvitationBuilder.Build(booking, "Bodø", DateTimeOffset.UtcNow);
        booking.Status = BookingStatus.Cancelled;
        booking.Sequence++;
        var cancelled = InvitationBuilder.Build(booking, "Bodø", DateTimeOffset.UtcNow);

        Assert.All([first, moved, cancelled], ics => Assert.Contains("UID:0f8fad5bd9cb469fa16570867728950e@lhlbot.no", ics));
        Assert.Contains("SEQUENCE:0", first);
        Assert.Contains("SEQUENCE:1", moved);
        Assert.Contains("SEQUENCE:2", cancelled);
        Assert.Contains("METHOD:CANCEL", cancelled);
        Assert.Contains("STATUS:CANCELLED", cancelled);
    }
}
