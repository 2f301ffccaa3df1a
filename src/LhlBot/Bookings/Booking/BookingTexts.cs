using LhlBot.Conversations.Prompts;
using LhlBot.People;
using LhlBot.Reform;

namespace LhlBot.Bookings;

/// <summary>The choices of the booking form and how bookings read in Norwegian.</summary>
internal static class BookingTexts
{
    public const string Teams = "teams";
    public const string InPerson = "fysisk";

    /// <summary>What a meeting can be about: one of the five focus areas, or the work around them.</summary>
    public static readonly IReadOnlyList<Choice> Topics =
    [
        .. FocusArea.Choices,
        new("plan", "Planarbeid") { Synonyms = ["plan", "planarbeid", "gjennomføringsplan"] },
        new("nettverk", "Nettverk") { Synonyms = ["læringsnettverk", "nettverk"] },
        new("medvirkning", "Medvirkning") { Synonyms = ["medverknad", "involvering"] },
        new("annet", "Annet") { Synonyms = ["anna", "andre"] },
    ];

    public static readonly IReadOnlyList<Choice> Formats =
    [
        new(Teams, "Teams-møte") { Synonyms = ["teams", "digitalt", "video", "nett"] },
        new(InPerson, "Fysisk møte") { Synonyms = ["fysisk", "oppmøte", "personlig", "møte", "ansikt til ansikt"] },
    ];

    public static Choice WithChoice(MeetingWith with) => with switch
    {
        MeetingWith.Statsforvalteren => new("Statsforvalteren", "Statsforvalteren") { Synonyms = ["sf", "statsforvaltaren", "fylkesmannen"] },
        MeetingWith.KS => new("KS", "KS") { Synonyms = ["kommunesektorens organisasjon"] },
        MeetingWith.USHT => new("USHT", "USHT", "utviklingssenter for sykehjem og hjemmetjenester") { Synonyms = ["utviklingssenter", "utviklingssenteret"] },
        _ => new("Joint", "Felles møte", "Statsforvalteren, KS og USHT sammen") { Synonyms = ["felles", "alle tre", "alle", "dialogmøte", "samla", "saman"] },
    };

    public static string Kind(MeetingWith with) => with == MeetingWith.Joint ? "Dialogmøte" : "Veiledningsmøte";

    public static string With(MeetingWith with) => with switch
    {
        MeetingWith.Joint => "Statsforvalteren, KS og USHT",
        _ => with.ToString(),
    };

    public static string Topic(string value) => Topics.FirstOrDefault(t => t.Value == value)?.Title ?? value;

    public static string Format(string format, string? place) =>
        format == InPerson ? $"Fysisk møte{(string.IsNullOrWhiteSpace(place) ? "" : ", " + place)}" : "Teams-møte";

    public static string Organisation(Organisation organisation) => organisation switch
    {
        People.Organisation.Statsforvalteren => "Statsforvalteren",
        People.Organisation.KS => "KS",
        _ => "USHT",
    };

    public static string Advisors(Booking booking) =>
        string.Join(", ", booking.Advisors.OrderBy(a => a.Organisation).Select(a => $"{a.Person?.Name} ({Organisation(a.Organisation)})"));
}
