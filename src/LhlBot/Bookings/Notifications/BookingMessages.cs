using System.Text;
using System.Text.Json.Nodes;
using LhlBot.Bookings.Invitations;
using LhlBot.Bookings.Slots;
using LhlBot.Conversations.Prompts;
using LhlBot.Protocol;
using LhlBot.Protocol.Cards;

namespace LhlBot.Bookings.Notifications;

/// <summary>The messages about one booking — confirmation, notice to the other side, reminder — as card and as text, with the ICS attached.</summary>
internal sealed class BookingMessages(CardTemplateLibrary cards, TimeProvider clock)
{
    public const string DetailsTemplate = "booking-details";

    public static JsonArray Facts(Booking booking, string municipalityName)
    {
        var facts = new JsonArray(
            Fact("Når", SlotText.Describe(booking.StartUtc, booking.EndUtc)),
            Fact("Kommune", municipalityName),
            Fact("Med", BookingTexts.Advisors(booking) is { Length: > 0 } names ? names : BookingTexts.With(booking.With)),
            Fact("Tema", BookingTexts.Topic(booking.Topic)),
            Fact("Form", BookingTexts.Format(booking.Format, booking.Place)));
        if (!string.IsNullOrWhiteSpace(booking.Description)) facts.Add(Fact("Beskrivelse", booking.Description));
        if (booking.BookedBy is { } contact) facts.Add(Fact("Kontaktperson", contact.Name));
        return facts;
    }

    /// <summary>A message about the booking with its invitation attached (a cancellation carries METHOD:CANCEL).</summary>
    public Activity Build(Booking booking, string municipalityName, string heading, string intro, bool cardsSupported, JsonArray? actions = null, bool withInvitation = true)
    {
        var ics = InvitationBuilder.Build(booking, municipalityName, clock.GetUtcNow());
        var note = withInvitation
            ? booking.Status == BookingStatus.Cancelled
                ? $"Vedlagt ligger en avlysning ({InvitationBuilder.FileName}): åpne den for å fjerne avtalen fra kalenderen."
                : $"Vedlagt ligger en kalenderinvitasjon ({InvitationBuilder.FileName}) for Outlook eller annen kalender. Åpner du en ny versjon, oppdateres den samme avtalen."
            : "";
        Activity activity;
        if (cardsSupported)
        {
            var data = new JsonObject
            {
                ["heading"] = heading,
                ["intro"] = intro,
                ["facts"] = Facts(booking, municipalityName),
                ["note"] = note,
                ["actions"] = actions ?? new JsonArray(),
            };
            activity = MessageFactory.Attachment(cards.Render(DetailsTemplate, data));
        }
        else
        {
            activity = MessageFactory.Text(AsText(booking, municipalityName, heading, intro, note));
        }
        if (withInvitation)
        {
            activity.Attachments ??= [];
            activity.Attachments.Add(InvitationBuilder.Attachment(ics));
        }
        return activity;
    }

    public static string AsText(Booking booking, string municipalityName, string heading, string intro, string note)
    {
        var text = new StringBuilder().Append("**").Append(heading).AppendLine("**");
        if (intro.Length > 0) text.AppendLine(intro);
        foreach (var fact in Facts(booking, municipalityName))
        {
            text.Append("- ").Append((string?)fact!["title"]).Append(": ").AppendLine((string?)fact["value"]);
        }
        if (note.Length > 0) text.AppendLine().Append(note);
        return text.ToString().TrimEnd();
    }

    public static JsonObject Action(string title, string action, Guid? booking = null)
    {
        var data = new JsonObject { ["action"] = action };
        if (booking is { } id) data["booking"] = id.ToString();
        return PromptRenderer.Action(title, data);
    }

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };
}
