using LhlBot.Conversations.Prompts;

namespace LhlBot.StatusReports;

/// <summary>
/// The answer options Helsedirektoratet asks for, each list defined once: the form shows them, the summary counts
/// them and the exports print their titles. Values are stored, so they never change once reports exist;
/// titles may be reworded freely.
/// </summary>
internal static class PlanStatus
{
    public const string Adopted = "vedtatt";
    public const string InProcess = "i-prosess";
    public const string Delayed = "forsinket";
    public const string NotStarted = "ikke-startet";

    public static readonly IReadOnlyList<Choice> Choices =
    [
        new(Adopted, "Politisk vedtatt", "planen for reformen er vedtatt av kommunestyret") { Synonyms = ["vedteken", "vedtatt plan"] },
        new(InProcess, "I prosess mot vedtak i år", "saken skal til politisk behandling i løpet av året") { Synonyms = ["prosess", "i prosess"] },
        new(Delayed, "Forsinket", "vedtaket kommer ikke i år") { Synonyms = ["forseinka", "forsinka"] },
        new(NotStarted, "Ikke startet", "planarbeidet er ikke i gang") { Synonyms = ["ikkje starta", "ikke begynt"] },
    ];
}

/// <summary>Why a plan is delayed: the reasons Hdir's note of November 2021 lists.</summary>
internal static class DelayReason
{
    public const string Other = "annet";

    public static readonly IReadOnlyList<Choice> Choices =
    [
        new("samfunnsplan", "Integrert i revisjonen av kommuneplanens samfunnsdel") { Synonyms = ["kommuneplan", "samfunnsdelen"] },
        new("medvirkning", "Trenger mer tid til medvirkning og involvering") { Synonyms = ["involvering", "meir tid"] },
        new("ressurser", "Mangel på ressurser (pandemi, bemanning)") { Synonyms = ["pandemi", "bemanning", "ressursar"] },
        new("toppledelse", "Vanskelig å forankre i toppledelsen") { Synonyms = ["leiinga", "ledelsen"] },
        new("andre-sektorer", "Vanskelig å forankre i andre sektorer") { Synonyms = ["sektorar", "andre sektorar"] },
        new(Other, "Annet") { Synonyms = ["anna", "andre grunner"] },
    ];
}

internal static class NetworkParticipation
{
    public const string TakesPart = "deltar";
    public const string Plans = "planlegger";
    public const string DoesNotWant = "onsker-ikke";

    public static readonly IReadOnlyList<Choice> Choices =
    [
        new(TakesPart, "Deltar i nettverk") { Synonyms = ["deltek", "ja"] },
        new(Plans, "Planlegger å delta") { Synonyms = ["planlegg", "ønsker å delta", "vil delta"] },
        new(DoesNotWant, "Ønsker ikke å delta") { Synonyms = ["ønskjer ikkje", "nei", "ikke delta"] },
    ];
}

/// <summary>The four phases of the reform work (Veiledningshefte for lokal planlegging).</summary>
internal static class ReformPhase
{
    public const string Implementation = "3";

    public static readonly IReadOnlyList<Choice> Choices =
    [
        new("1", "Fase 1 Forberedelse", "forankring, organisering av arbeidet og involvering av eldre") { Synonyms = ["forberedelse", "førebuing"] },
        new("2", "Fase 2 Kartlegging og planlegging", "kartlegge status og behov, vurdere løsningene og lage plan") { Synonyms = ["planlegging", "kartlegging", "planfasen"] },
        new(Implementation, "Fase 3 Gjennomføring", "tiltakene i planen settes ut i livet") { Synonyms = ["gjennomføring", "gjennomføringsfasen", "iverksetting"] },
        new("4", "Fase 4 Evaluering", "erfaringene vurderes og arbeidet justeres") { Synonyms = ["evaluering", "evaluere"] },
    ];
}

/// <summary>Who has been involved in the work.</summary>
internal static class Involvement
{
    public static readonly IReadOnlyList<Choice> Choices =
    [
        new("eldrerad", "Eldrerådet") { Synonyms = ["eldreråd", "eldrerådet"] },
        new("brukere-parorende", "Brukere og pårørende") { Synonyms = ["brukarar", "pårørande", "brukere"] },
        new("frivillige", "Frivillige") { Synonyms = ["frivillig", "frivilligheten"] },
        new("andre-sektorer", "Andre sektorer enn helse og omsorg") { Synonyms = ["andre sektorar", "sektorer"] },
    ];
}
