using LhlBot.Conversations;
using LhlBot.Municipalities;
using LhlBot.People;
using LhlBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace LhlBot.Bookings.Notifications;

/// <summary>What happened to a booking, for the message to the other side.</summary>
internal enum BookingChange
{
    Booked,
    Moved,
    Cancelled,
    Reminder,
}

/// <summary>
/// Tells the people of a booking about a change — proactively, in Teams, each with the invitation. Queued on the
/// <see cref="TurnOutbox"/>, so nobody hears of a booking that was not committed; a person the bot has no
/// conversation with is skipped (and logged), the invitation still reaches the one who made the change.
/// </summary>
internal sealed class BookingNotifier(IServiceScopeFactory scopes, IProactiveReach messenger, BookingMessages messages, ILogger<BookingNotifier> logger)
{
    /// <summary>Notifies everyone in the booking except <paramref name="actorPersonId"/>.</summary>
    /// <returns>False when a person the bot can reach did not get the message (so a reminder is tried again).</returns>
    public async Task<bool> NotifyAsync(Guid bookingId, BookingChange change, int? actorPersonId, CancellationToken cancellationToken)
    {
        var delivered = true;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LhlDbContext>();
        var booking = await BookingStore.LoadAsync(db, bookingId, cancellationToken);
        if (booking is null) return true;
        var municipality = await db.Set<Municipality>().Where(m => m.Number == booking.MunicipalityNumber).Select(m => m.Name).FirstOrDefaultAsync(cancellationToken) ?? booking.MunicipalityNumber;
        var actor = actorPersonId is { } id ? await db.Set<Person>().FindAsync([id], cancellationToken) : null;

        var recipients = new List<Person>();
        if (booking.BookedBy is { } contact) recipients.Add(contact);
        recipients.AddRange(booking.Advisors.Select(a => a.Person).OfType<Person>());
        foreach (var person in recipients.Where(p => p.Id != actorPersonId).DistinctBy(p => p.Id))
        {
            var (heading, intro) = Texts(booking, change, municipality, actor, isContact: person.Id == booking.BookedByPersonId);
            var activity = messages.Build(booking, municipality, heading, intro, cardsSupported: true,
                actions: change == BookingChange.Cancelled ? null : new System.Text.Json.Nodes.JsonArray(BookingMessages.Action("Mine avtaler", BookingFeature.MineAction)));
            // Teams shows the text as the notification preview; the card follows.
            activity.Text = heading;
            try
            {
                if (messenger.RouteOf(person) == ReachRoute.None)
                {
                    logger.LogInformation("Person {PersonId} has no conversation with the bot; booking {BookingId} ({Change}) not announced to them.", person.Id, booking.Id, change);
                }
                else if (!await messenger.SendAsync(person, activity, cancellationToken))
                {
                    delivered = false;
                    logger.LogWarning("The message about booking {BookingId} ({Change}) did not reach person {PersonId}.", booking.Id, change, person.Id);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                delivered = false;
                logger.LogError(ex, "Could not tell person {PersonId} about booking {BookingId} ({Change}).", person.Id, booking.Id, change);
            }
        }
        return delivered;
    }

    private static (string Heading, string Intro) Texts(Booking booking, BookingChange change, string municipality, Person? actor, bool isContact)
    {
        var kind = BookingTexts.Kind(booking.With).ToLowerInvariant();
        var who = actor?.Name ?? "LhlBot";
        return change switch
        {
            BookingChange.Booked => ($"Ny avtale: {kind} med {municipality}", $"{who} har booket et {kind} med deg."),
            BookingChange.Moved => ($"Avtale flyttet: {kind} med {(isContact ? BookingTexts.With(booking.With) : municipality)}", $"{who} har flyttet avtalen til nytt tidspunkt."),
            BookingChange.Cancelled => ($"Avtale avlyst: {kind} med {(isContact ? BookingTexts.With(booking.With) : municipality)}", $"{who} har avlyst avtalen."),
            _ => ($"Påminnelse: {kind} i morgen", "Husk avtalen i morgen."),
        };
    }
}
