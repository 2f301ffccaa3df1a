using System.Text.Json.Nodes;
using LhlBot.Conversations.Dialogs;
using LhlBot.Conversations.Forms;
using LhlBot.Conversations.Prompts;

namespace LhlBot.Bookings.Dialogs;

/// <summary>
/// What the meeting is about: with whom, topic, format (and place), a short description. On one card in Teams,
/// step by step in text; its answers go back to <see cref="BookingDialog"/>, which then finds times.
/// </summary>
internal sealed class BookingFormDialog : FormDialog
{
    public const string DialogId = "booking.form";

    public const string WithId = "with";
    public const string TopicId = "topic";
    public const string FormatId = "format";
    public const string PlaceId = "place";
    public const string DescriptionId = "description";

    private static readonly FormDefinition Definition = new("booking", [
        new FormField(new Prompt(WithId, PromptKind.Choice, "Hvem vil du møte?")
        {
            Help = "Én organisasjon, eller et felles møte med Statsforvalteren, KS og USHT. Bare rådgivere som betjener kommunen deres, kan bookes.",
            Choices = Enum.GetValues<MeetingWith>().Select(BookingTexts.WithChoice).ToList(),
        }),
        new FormField(new Prompt(TopicId, PromptKind.Choice, "Tema")
        {
            Help = "Et av de fem innsatsområdene, planarbeid, nettverk, medvirkning eller annet.",
            Choices = BookingTexts.Topics,
        }),
        new FormField(new Prompt(FormatId, PromptKind.Choice, "Møteform") { Choices = BookingTexts.Formats }),
        new FormField(new Prompt(PlaceId, PromptKind.Text, "Sted for møtet")
        {
            Help = "Adresse eller møterom, for eksempel «Rådhuset, møterom 2».",
            MaxLength = 200,
        })
        {
            ShowIf = answers => (string?)answers[FormatId] == BookingTexts.InPerson,
            ShowIfText = "ved fysisk møte",
        },
        new FormField(new Prompt(DescriptionId, PromptKind.Text, "Kort beskrivelse")
        {
            Help = "Hva vil dere ha hjelp til? Et par setninger holder.",
            MaxLength = 1000,
            Placeholder = "For eksempel: Vi skal revidere planen for Leve hele livet og ønsker råd om medvirkning.",
        }),
    ]);

    public override string Id => DialogId;

    protected override FormDefinition Form => Definition;

    protected override string Title(JsonNode? context) => $"Book veiledningsmøte for {(string?)context?["municipality"]}";

    protected override string? Intro(JsonNode? context) =>
        "Fortell kort hva møtet gjelder, så finner jeg de første ledige tidene." +
        ((string?)context?["offered"] is { Length: > 0 } offered ? $" For kommunen kan du booke: {offered}." : "");

    protected override string SendTitle => "Finn ledige tider";

    protected override Task<DialogTurnStatus> OnCompletedAsync(DialogContext dc, JsonObject answers, JsonNode? context, CancellationToken cancellationToken) =>
        dc.EndDialogAsync(answers, cancellationToken);
}
