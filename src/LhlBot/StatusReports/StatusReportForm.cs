using System.Text.Json.Nodes;
using LhlBot.Conversations.Forms;
using LhlBot.Conversations.Prompts;
using LhlBot.Reform;

namespace LhlBot.StatusReports;

/// <summary>
/// The report as Helsedirektoratet asks it, declared once: the Teams card, the plain-text steps, the validation,
/// the summary and the export columns all come from these fields. Every question has an optional comment,
/// which the offices asked for because bare answers were too thin to report on.
/// </summary>
internal static class StatusReportForm
{
    public const string Id = "statusReport";

    public const string PlanStatusId = "planStatus";
    public const string DecisionDateId = "planDecisionDate";
    public const string DelayReasonsId = "delayReasons";
    public const string DelayOtherId = "delayOther";
    public const string PlanCommentId = "planComment";
    public const string NetworkId = "network";
    public const string NetworkNamesId = "networkNames";
    public const string NetworkInvitedId = "networkInvited";
    public const string NetworkCommentId = "networkComment";
    public const string PhaseId = "phase";
    public const string PhaseCommentId = "phaseComment";
    public const string FocusAreasId = "focusAreas";
    public const string MeasuresId = "measures";
    public const string MeasuresShareId = "measuresShare";
    public const string MeasuresContactId = "measuresContact";
    public const string Share = "del";
    public const string DoNotShare = "ikke-del";
    public const string ContactYes = "ja";
    public const string ContactNo = "nei";
    public const string FocusCommentId = "focusComment";
    public const string InvolvementId = "involvement";
    public const string InvolvementCommentId = "involvementComment";
    public const string OverallId = "overallStatus";
    public const string HelpWantedId = "helpWanted";

    /// <summary>The reform was adopted by Stortinget in 2018; no plan for it can have been adopted before.</summary>
    public static readonly DateOnly EarliestDecision = new(2018, 1, 1);

    private const int CommentLength = 1000;

    /// <param name="today">Decision dates after today are refused.</param>
    public static FormDefinition Build(DateOnly today) => new(Id,
    [
        new FormField(new Prompt(PlanStatusId, PromptKind.Choice, "Status for planarbeidet")
        {
            Help = "Har kommunen politisk vedtatt hvordan reformen skal gjennomføres lokalt?",
            Choices = PlanStatus.Choices,
        }),
        new FormField(new Prompt(DecisionDateId, PromptKind.Date, "Dato for det politiske vedtaket")
        {
            Help = "Datoen kommunestyret (eller annet politisk organ) fattet vedtaket.",
            MinDate = EarliestDecision,
            MaxDate = today,
        })
        { ShowIf = a => Is(a, PlanStatusId, PlanStatus.Adopted), ShowIfText = "når planen er vedtatt" },
        new FormField(new Prompt(DelayReasonsId, PromptKind.MultiChoice, "Hvorfor er planarbeidet forsinket?")
        {
            Help = "Velg én eller flere grunner.",
            Choices = DelayReason.Choices,
        })
        { ShowIf = a => Is(a, PlanStatusId, PlanStatus.Delayed), ShowIfText = "når planarbeidet er forsinket" },
        new FormField(new Prompt(DelayOtherId, PromptKind.Text, "Beskriv den andre grunnen til forsinkelsen")
        {
            MaxLength = CommentLength,
        })
        { ShowIf = a => Is(a, PlanStatusId, PlanStatus.Delayed) && Has(a, DelayReasonsId, DelayReason.Other), ShowIfText = "når du har valgt «Annet»" },
        Comment(PlanCommentId, "Kommentar til planarbeidet"),

        new FormField(new Prompt(NetworkId, PromptKind.Choice, "Deltar kommunen i læringsnettverk?")
        {
            Help = "Nettverk som det regionale støtteapparatet regner som relevante for reformen.",
            Choices = NetworkParticipation.Choices,
        }),
        new FormField(new Prompt(NetworkNamesId, PromptKind.Text, "Hvilke nettverk deltar kommunen i?")
        {
            Placeholder = "For eksempel: USHT Nordlands nettverk for aldersvennlig samfunn",
            MaxLength = CommentLength,
        })
        { ShowIf = a => Is(a, NetworkId, NetworkParticipation.TakesPart), ShowIfText = "når kommunen deltar" },
        new FormField(new Prompt(NetworkInvitedId, PromptKind.Choice, "Er kommunen invitert til et læringsnettverk?")
        {
            Help = "Helsedirektoratet spør hvor mange kommuner som er invitert til læringsnettverk, også de som ikke deltar ennå.",
            Choices =
            [
                new(ContactYes, "Ja, vi er invitert") { Synonyms = ["ja", "invitert"] },
                new(ContactNo, "Nei, ikke ennå") { Synonyms = ["nei", "ikkje", "ikke ennå"] },
            ],
            Required = false,
        })
        { ShowIf = a => a[NetworkId] is not null && !Is(a, NetworkId, NetworkParticipation.TakesPart), ShowIfText = "når kommunen ikke deltar ennå" },
        Comment(NetworkCommentId, "Kommentar til nettverk"),

        new FormField(new Prompt(PhaseId, PromptKind.Choice, "Hvilken fase er reformarbeidet i?")
        {
            Choices = ReformPhase.Choices,
        }),
        Comment(PhaseCommentId, "Kommentar til fasen"),

        new FormField(new Prompt(FocusAreasId, PromptKind.MultiChoice, "Hvilke innsatsområder jobber kommunen med?")
        {
            Help = "Velg alle som passer. Må besvares i fase 3 og 4.",
            Choices = FocusArea.Choices,
            Required = false,
        }),
        new FormField(new Prompt(MeasuresId, PromptKind.Text, "Eksempler på tiltak")
        {
            Help = "Et par konkrete tiltak, gjerne med navn – ett tiltak per linje (eller skilt med semikolon). De samles i USHTenes erfaringsbank, der andre kommuner kan finne dem.",
            MaxLength = 2000,
        })
        { ShowIf = a => a[FocusAreasId] is JsonArray { Count: > 0 }, ShowIfText = "når du har valgt innsatsområder" },
        new FormField(new Prompt(MeasuresShareId, PromptKind.Choice, "Kan tiltakene deles med andre kommuner i erfaringsbanken?")
        {
            Help = "Tomt svar betyr ja. Du kan også merke enkelttiltak «ikke del» etter at rapporten er sendt.",
            Choices =
            [
                new(Share, "Ja, del dem") { Synonyms = ["ja", "del", "dele"] },
                new(DoNotShare, "Nei, ikke del (bare kommunen og Statsforvalteren ser dem)") { Synonyms = ["nei", "ikke del", "ikkje del"] },
            ],
            Required = false,
        })
        { ShowIf = a => a[FocusAreasId] is JsonArray { Count: > 0 }, ShowIfText = "når du har valgt innsatsområder" },
        new FormField(new Prompt(MeasuresContactId, PromptKind.Choice, "Kan andre kommuner kontakte deg om tiltakene?")
        {
            Help = "Ja betyr at navnet og e-postadressen din vises ved tiltakene i erfaringsbanken. Tomt svar betyr nei.",
            Choices =
            [
                new(ContactYes, "Ja, vis navn og e-post") { Synonyms = ["ja", "ja takk"] },
                new(ContactNo, "Nei") { Synonyms = ["nei", "nei takk"] },
            ],
            Required = false,
        })
        { ShowIf = a => a[FocusAreasId] is JsonArray { Count: > 0 }, ShowIfText = "når du har valgt innsatsområder" },
        Comment(FocusCommentId, "Kommentar til innsatsområdene"),

        new FormField(new Prompt(InvolvementId, PromptKind.MultiChoice, "Hvem er involvert i arbeidet?")
        {
            Help = "Velg alle som har vært med. La stå tomt om ingen av disse er involvert ennå.",
            Choices = Involvement.Choices,
            Required = false,
        }),
        Comment(InvolvementCommentId, "Kommentar til involveringen"),

        new FormField(new Prompt(OverallId, PromptKind.Text, "Overordnet status for reformarbeidet")
        {
            Help = "Noen setninger om hvordan arbeidet går – dette kan statsforvalteren bruke i rapporten til Helsedirektoratet.",
            MaxLength = 3000,
            Validate = v => ((string?)v)?.Trim().Length < 10 ? "Skriv litt mer – minst én hel setning." : null,
        }),
        new FormField(new Prompt(HelpWantedId, PromptKind.Text, "Hva ønsker kommunen hjelp til fra støtteapparatet?")
        {
            Help = "For eksempel veiledning i planarbeid, medvirkning eller et innsatsområde. La stå tomt om dere ikke trenger hjelp nå.",
            Required = false,
            MaxLength = CommentLength,
        }),
    ])
    {
        CrossValidate = CrossValidate,
    };

    /// <summary>Rules across questions, beyond what each question checks on its own.</summary>
    private static IReadOnlyDictionary<string, string> CrossValidate(JsonObject answers)
    {
        var errors = new Dictionary<string, string>();
        var phase = (string?)answers[PhaseId];
        if (phase is "3" or "4" && answers[FocusAreasId] is not JsonArray { Count: > 0 })
        {
            errors[FocusAreasId] = "En kommune i fase 3 eller 4 jobber med minst ett innsatsområde – velg hvilke.";
        }
        if (phase is "3" or "4" && (string?)answers[PlanStatusId] is PlanStatus.NotStarted)
        {
            errors[PhaseId] = "Planarbeidet er oppgitt som ikke startet; da kan ikke kommunen være i fase 3 eller 4. Rett fase eller planstatus.";
        }
        return errors;
    }

    private static FormField Comment(string id, string question) =>
        new(new Prompt(id, PromptKind.Text, question)
        {
            Help = "Valgfritt: utdyp svaret.",
            Required = false,
            MaxLength = CommentLength,
        });

    private static bool Is(JsonObject answers, string id, string value) => (string?)answers[id] == value;

    private static bool Has(JsonObject answers, string id, string value) =>
        answers[id] is JsonArray values && values.Any(v => (string?)v == value);
}
