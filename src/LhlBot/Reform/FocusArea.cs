using LhlBot.Conversations.Prompts;

namespace LhlBot.Reform;

/// <summary>
/// The reform's five focus areas (innsatsområder), defined once: the status report asks which ones the municipality
/// works on, and a guidance meeting can be booked about one of them.
/// </summary>
internal static class FocusArea
{
    public static readonly IReadOnlyList<Choice> Choices =
    [
        new("aldersvennlig-samfunn", "Et aldersvennlig samfunn") { Synonyms = ["aldersvennlig samfunn", "aldersvenleg"] },
        new("aktivitet-fellesskap", "Aktivitet og fellesskap") { Synonyms = ["aktivitet", "fellesskap"] },
        new("mat-maltider", "Mat og måltider") { Synonyms = ["mat", "måltider", "måltid"] },
        new("helsehjelp", "Helsehjelp") { Synonyms = ["helse"] },
        new("sammenheng", "Sammenheng i tjenestene") { Synonyms = ["samanheng", "sammenheng i tenestene", "sammenheng"] },
    ];
}
