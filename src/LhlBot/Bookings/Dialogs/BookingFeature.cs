using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using LhlBot.Bookings.Slots;
using LhlBot.Conversations;
using LhlBot.Conversations.Dialogs;
using LhlBot.Municipalities;
using LhlBot.People;
using LhlBot.Protocol;
using LhlBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace LhlBot.Bookings;

/// <summary>
/// The booking job as the router sees it: "Book veiledningsmøte" and "Mine avtaler" for contacts, "Mine avtaler"
/// and "Mine tider" for advisors; the words that start them; and the buttons on booking cards (cancel, move),
/// which work even after the dialog that showed them has ended.
/// </summary>
internal sealed class BookingFeature(LhlDbContext db, TimeProvider clock) : IBotFeature, IFollowUpOffer
{
    public const string StartAction = "booking.start";
    public const string MineAction = "booking.mine";
    public const string TimesAction = "booking.times";
    public const string CancelAction = "booking.cancel";
    public const string MoveAction = "booking.move";
    public const string ListTemplate = "booking-list";
    private const string ListedKey = "bookings.listed";

    private static readonly string[] BookWords =
        ["book", "booke", "booking", "bestill møte", "book møte", "book veiledningsmøte", "veiledningsmøte", "rettleiingsmøte", "dialogmøte", "book et møte", "bestill veiledning", "book veiledning"];
    private static readonly string[] MineWords = ["mine avtaler", "mine avtalar", "avtaler", "avtalar", "mine møter", "mine møte", "mine bookinger"];
    private static readonly string[] TimesWords = ["mine tider", "tilgjengelighet", "mine tidar", "ledige tider"];

    public Task<IReadOnlyList<MenuItem>> MenuItemsAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var person = dc.User;
        var items = new List<MenuItem>();
        if (BookingAccess.IsContact(person))
        {
            items.Add(new("Book veiledningsmøte", "Book et veiledningsmøte eller dialogmøte med Statsforvalteren, KS eller USHT.", StartAction));
        }
        if (BookingAccess.IsContact(person) || BookingAccess.IsAdvisor(person))
        {
            items.Add(new("Mine avtaler", "Se, flytt eller avlys avtalte møter.", MineAction));
        }
        if (BookingAccess.IsAdvisor(person))
        {
            items.Add(new("Mine tider", "Sett når du tar imot veiledningsmøter, og registrer fravær.", TimesAction));
        }
        return Task.FromResult<IReadOnlyList<MenuItem>>(items);
    }

    public MenuItem? Offer(DialogContext dc) =>
        BookingAccess.IsContact(dc.User)
            ? new MenuItem("Book veiledningsmøte", "Snakk med en rådgiver hos Statsforvalteren, KS eller USHT.", StartAction)
            : null;

    public async Task<bool> TryStartAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var input = dc.Input;
        switch (input.Action)
        {
            case StartAction:
                // A button elsewhere (the experience bank's «Book møte om dette») may pre-fill the form; a recognised
                // request may say with whom, from when and for which municipality («møte med KS i uke 51»).
                await dc.BeginDialogAsync(Dialogs.BookingDialog.DialogId, Dialogs.BookingDialog.StartOptions(input.CardValue), cancellationToken);
                return true;
            case MineAction:
                await ListAsync(dc, cancellationToken);
                return true;
            case TimesAction:
                await dc.BeginDialogAsync(Dialogs.AvailabilityDialog.DialogId, null, cancellationToken);
                return true;
            case CancelAction:
                await dc.BeginDialogAsync(Dialogs.CancelBookingDialog.DialogId, new JsonObject { ["booking"] = input.CardString("booking") }, cancellationToken);
                return true;
            case MoveAction:
                await dc.BeginDialogAsync(Dialogs.BookingDialog.DialogId, new JsonObject { ["reschedule"] = input.CardString("booking") }, cancellationToken);
                return true;
            case { Length: > 0 }:
                return false;
        }

        if (input.IsCommand(BookWords))
        {
            await dc.BeginDialogAsync(Dialogs.BookingDialog.DialogId, null, cancellationToken);
            return true;
        }
        if (input.IsCommand(MineWords))
        {
            await ListAsync(dc, cancellationToken);
            return true;
        }
        if (input.IsCommand(TimesWords))
        {
            await dc.BeginDialogAsync(Dialogs.AvailabilityDialog.DialogId, null, cancellationToken);
            return true;
        }
        // "avlys 2" / "flytt 2" refer to the numbered list "mine avtaler" showed last.
        var words = input.Normalized.Split(' ');
        if (words.Length == 2 && int.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && dc.State.Memory[ListedKey] is JsonArray listed && number >= 1 && number <= listed.Count)
        {
            var id = (string?)listed[number - 1];
            switch (words[0])
            {
                case "avlys" or "avbestill" or "slett":
                    await dc.BeginDialogAsync(Dialogs.CancelBookingDialog.DialogId, new JsonObject { ["booking"] = id }, cancellationToken);
                    return true;
                case "flytt" or "endre":
                    await dc.BeginDialogAsync(Dialogs.BookingDialog.DialogId, new JsonObject { ["reschedule"] = id }, cancellationToken);
                    return true;
            }
        }
        return false;
    }

    /// <summary>"Mine avtaler": upcoming meetings of the user's municipalities (contact) or with the user (advisor).</summary>
    private async Task ListAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var person = dc.User;
        if (!BookingAccess.IsContact(person) && !BookingAccess.IsAdvisor(person) && !person.Has(Role.Administrator))
        {
            await dc.SendAsync("Avtaler finnes for kontaktpersoner i kommunene og rådgivere i støtteapparatet. Jeg finner deg ikke registrert som noen av dem.", cancellationToken);
            return;
        }
        var municipalities = person.ContactFor();
        var personId = person!.Id;
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var bookings = await db.Set<Booking>().Include(b => b.Advisors).ThenInclude(a => a.Person).Include(b => b.BookedBy)
            .Where(b => b.Status == BookingStatus.Booked && b.EndUtc > nowUtc
                && (municipalities.Contains(b.MunicipalityNumber) || b.Advisors.Any(a => a.PersonId == personId)))
            .OrderBy(b => b.StartUtc).Take(20).ToListAsync(cancellationToken);
        var numbers = bookings.Select(b => b.MunicipalityNumber).Distinct().ToList();
        var names = await db.Set<Municipality>().Where(m => numbers.Contains(m.Number)).ToDictionaryAsync(m => m.Number, m => m.Name, cancellationToken);
        dc.State.Memory[ListedKey] = new JsonArray(bookings.Select(b => (JsonNode)JsonValue.Create(b.Id.ToString())!).ToArray());

        if (bookings.Count == 0)
        {
            await dc.SendAsync(BookingAccess.IsContact(person)
                ? "Du har ingen kommende avtaler. Skriv «book» for å booke et veiledningsmøte."
                : "Du har ingen kommende avtaler.", cancellationToken);
            return;
        }

        var text = new StringBuilder("**Mine avtaler**\n");
        var items = new JsonArray();
        for (var i = 0; i < bookings.Count; i++)
        {
            var b = bookings[i];
            var name = names.GetValueOrDefault(b.MunicipalityNumber, b.MunicipalityNumber);
            var title = $"{SlotText.Short(b.StartUtc, b.EndUtc)} – {BookingTexts.Kind(b.With)}";
            var subtitle = $"{name} · {BookingTexts.Topic(b.Topic)} · {BookingTexts.Format(b.Format, b.Place)} · med {BookingTexts.Advisors(b)}";
            text.Append(i + 1).Append(". ").Append(title).Append("\n   ").AppendLine(subtitle);
            items.Add(new JsonObject
            {
                ["title"] = title,
                ["subtitle"] = subtitle,
                ["actions"] = new JsonArray(
                    Notifications.BookingMessages.Action("Flytt", MoveAction, b.Id),
                    Notifications.BookingMessages.Action("Avlys", CancelAction, b.Id)),
            });
        }
        text.Append("\nSkriv «flytt 1» for å flytte eller «avlys 1» for å avlyse den første avtalen.");
        await dc.SendCardAsync(ListTemplate, new JsonObject
        {
            ["heading"] = "Mine avtaler",
            ["intro"] = $"{bookings.Count} kommende {(bookings.Count == 1 ? "avtale" : "avtaler")}.",
            ["items"] = items,
        }, text.ToString(), cancellationToken);
    }
}
