using System.Text.Json.Nodes;
using LhlBot.Bookings.Notifications;
using LhlBot.Bookings.Slots;
using LhlBot.Conversations;
using LhlBot.Conversations.Dialogs;
using LhlBot.Conversations.Prompts;
using LhlBot.Municipalities;
using LhlBot.People;
using LhlBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace LhlBot.Bookings.Dialogs;

/// <summary>Cancels a booking after a yes/no, by either side; the other side is told, with a cancelling ICS.</summary>
internal sealed class CancelBookingDialog : WaterfallDialog
{
    public const string DialogId = "booking.cancel";

    private static readonly Prompt Sure = new("cancelSure", PromptKind.YesNo, "Vil du avlyse avtalen?")
    {
        Help = "Svar «ja» for å avlyse. De andre deltakerne får beskjed.",
    };

    private readonly LhlDbContext db;
    private readonly BookingStore store;
    private readonly BookingMessages messages;
    private readonly BookingNotifier notifier;
    private readonly TurnOutbox outbox;

    public CancelBookingDialog(LhlDbContext db, BookingStore store, BookingMessages messages, BookingNotifier notifier, TurnOutbox outbox)
    {
        this.db = db;
        this.store = store;
        this.messages = messages;
        this.notifier = notifier;
        this.outbox = outbox;
        Declare(Sure);
        AddStep(AskAsync);
        AddStep(CancelAsync);
    }

    public override string Id => DialogId;

    private async Task<DialogTurnStatus> AskAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var dc = step.Dialogs;
        var person = dc.User;
        var booking = Guid.TryParse((string?)step.Options?["booking"], out var id) ? await BookingStore.LoadAsync(db, id, cancellationToken) : null;
        if (booking is null || !BookingAccess.CanChange(person, booking))
        {
            await dc.SendAsync("Jeg finner ingen slik avtale du kan avlyse. Skriv «mine avtaler» for å se avtalene dine.", cancellationToken);
            return await step.EndAsync(null, cancellationToken);
        }
        if (booking.Status == BookingStatus.Cancelled)
        {
            await dc.SendAsync("Den avtalen er allerede avlyst.", cancellationToken);
            return await step.EndAsync(null, cancellationToken);
        }
        step.Values["booking"] = booking.Id.ToString();
        await dc.SendAsync($"Avtalen {SlotText.Describe(booking.StartUtc, booking.EndUtc)} med {BookingTexts.Advisors(booking)}.", cancellationToken);
        return await step.PromptAsync(Sure, cancellationToken);
    }

    private async Task<DialogTurnStatus> CancelAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var dc = step.Dialogs;
        if (step.Result is not JsonValue yes || !yes.GetValue<bool>())
        {
            await dc.SendAsync("Greit, avtalen står som før.", cancellationToken);
            return await step.EndAsync(null, cancellationToken);
        }
        var person = dc.User;
        var id = Guid.Parse((string)step.Values["booking"]!);
        var result = await store.CancelAsync(id, person!.Id, cancellationToken);
        if (result.Booking is not { } booking)
        {
            await dc.SendAsync("Jeg finner ikke avtalen lenger.", cancellationToken);
            return await step.EndAsync(null, cancellationToken);
        }
        var name = await db.Set<Municipality>().Where(m => m.Number == booking.MunicipalityNumber).Select(m => m.Name).FirstOrDefaultAsync(cancellationToken) ?? booking.MunicipalityNumber;
        await dc.SendAsync(messages.Build(booking, name, "Avtalen er avlyst", "De andre deltakerne får beskjed.", dc.CardsSupported), cancellationToken);
        var actor = person.Id;
        outbox.AfterCommit(ct => notifier.NotifyAsync(id, BookingChange.Cancelled, actor, ct));
        return await step.EndAsync(null, cancellationToken);
    }
}
