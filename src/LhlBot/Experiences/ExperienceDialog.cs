using System.Text.Json.Nodes;
using LhlBot.Conversations.Dialogs;
using LhlBot.Conversations.Forms;
using LhlBot.Conversations.Prompts;
using LhlBot.People;
using LhlBot.Reform;
using LhlBot.StatusReports;

namespace LhlBot.Experiences;

/// <summary>
/// An advisor adds an entry (say, after a guidance meeting) or edits one: municipality, focus area, the measure,
/// whether it is shared, and who may be contacted about it. Nothing is stored before «Lagre».
/// </summary>
internal sealed class ExperienceDialog(ExperienceBank bank, RegistryLookup registry, ReportingCalendar calendar) : FormDialog
{
    public const string DialogId = "experience";

    private const string MunicipalityId = "municipality";
    private const string FocusAreaId = "focusArea";
    private const string TextId = "text";
    private const string SharedId = "shared";
    private const string ContactNameId = "contactName";
    private const string ContactEmailId = "contactEmail";

    private FormDefinition? form;

    public override string Id => DialogId;

    protected override string SendTitle => "Lagre";

    protected override FormDefinition Form => form ??= new FormDefinition("experience",
    [
        new FormField(new Prompt(MunicipalityId, PromptKind.Text, "Kommune")
        {
            Help = "Kommunenavn eller kommunenummer, for eksempel «Bodø» eller «1804».",
            MaxLength = 100,
            Validate = v => registry.FindMunicipality((string?)v ?? "") is { Found: true } ? null : RegistryLookup.Explain((string?)v ?? "", registry.FindMunicipality((string?)v ?? "")),
        }),
        new FormField(new Prompt(FocusAreaId, PromptKind.Choice, "Innsatsområde") { Choices = FocusArea.Choices, Required = false }),
        new FormField(new Prompt(TextId, PromptKind.Text, "Tiltaket")
        {
            Help = "Hva kommunen gjør, gjerne med navnet på tiltaket – et par setninger.",
            MaxLength = ExperienceBank.MaxText,
            Validate = v => ((string?)v)?.Trim().Length < 10 ? "Skriv litt mer om tiltaket – minst én hel setning." : null,
        }),
        new FormField(new Prompt(SharedId, PromptKind.Choice, "Kan tiltaket deles med andre kommuner?")
        {
            Choices =
            [
                new(StatusReportForm.Share, "Ja, del det") { Synonyms = ["ja", "del"] },
                new(StatusReportForm.DoNotShare, "Nei, bare kommunen og embetet ser det") { Synonyms = ["nei", "ikke del"] },
            ],
        }),
        new FormField(new Prompt(ContactNameId, PromptKind.Text, "Kontaktperson som har sagt ja til å bli kontaktet")
        {
            Help = "Valgfritt. Navnet vises ved tiltaket.",
            Required = false,
            MaxLength = 200,
        }),
        new FormField(new Prompt(ContactEmailId, PromptKind.Text, "Kontaktpersonens e-post")
        {
            Required = false,
            MaxLength = 320,
            Validate = v => v is null || ((string?)v)?.Trim() is not { Length: > 0 } e || (e.Contains('@') && e.IndexOf('@') > 0 && e.IndexOf('.', e.IndexOf('@')) > e.IndexOf('@') + 1 && !e.Contains(' '))
                ? null : "Skriv en gyldig e-postadresse, for eksempel kari@bodo.kommune.no.",
        })
        { ShowIf = a => !string.IsNullOrWhiteSpace((string?)a[ContactNameId]), ShowIfText = "når du har oppgitt en kontaktperson" },
    ]);

    public static JsonObject Options(Experience? entry, RegistryLookup registry, string? municipality = null, string? focusArea = null)
    {
        var answers = new JsonObject();
        if (entry is not null)
        {
            answers[MunicipalityId] = registry.ByNumber(entry.MunicipalityNumber)?.UniqueName ?? entry.MunicipalityNumber;
            if (entry.FocusAreaValues.FirstOrDefault() is { } area) answers[FocusAreaId] = area;
            answers[TextId] = entry.Text;
            answers[SharedId] = entry.Shared ? StatusReportForm.Share : StatusReportForm.DoNotShare;
            if (entry.ContactName is not null) answers[ContactNameId] = entry.ContactName;
            if (entry.ContactEmail is not null) answers[ContactEmailId] = entry.ContactEmail;
        }
        else
        {
            if (municipality is not null && registry.FindMunicipality(municipality).Match is { } m) answers[MunicipalityId] = m.UniqueName;
            if (focusArea is not null && FocusArea.Choices.Any(c => c.Value == focusArea)) answers[FocusAreaId] = focusArea;
        }
        return new JsonObject { ["answers"] = answers, ["context"] = new JsonObject { ["entry"] = entry?.Id } };
    }

    protected override string Title(JsonNode? context) => context?["entry"] is null ? "Nytt tiltak i erfaringsbanken" : "Rediger tiltak i erfaringsbanken";

    protected override string? Intro(JsonNode? context) => context?["entry"] is null
        ? "Tiltaket blir søkbart for andre kommuner når det er lagret (om det deles)."
        : "Endringen vises i svarene med en gang den er lagret.";

    protected override async Task<DialogTurnStatus> OnCompletedAsync(DialogContext dc, JsonObject answers, JsonNode? context, CancellationToken cancellationToken)
    {
        var person = dc.User;
        var municipality = registry.FindMunicipality((string?)answers[MunicipalityId] ?? "").Match;
        var manages = municipality is not null && (person.Has(Role.Administrator) || person.AdvisesOffices().Contains(municipality.OfficeId));
        if (municipality is null || !manages || person is null)
        {
            await dc.SendAsync($"Du kan bare legge inn tiltak for kommuner i ditt embete{(municipality is null ? "" : $", og {municipality.UniqueName} hører til Statsforvalteren i {municipality.OfficeName}")}. Ingenting er lagret.", cancellationToken);
            return await dc.EndDialogAsync(cancellationToken: cancellationToken);
        }
        var text = ((string)answers[TextId]!).Trim();
        var area = (string?)answers[FocusAreaId] ?? "";
        var shared = (string?)answers[SharedId] != StatusReportForm.DoNotShare;
        var contactName = ((string?)answers[ContactNameId])?.Trim() is { Length: > 0 } n ? n : null;
        var contactEmail = contactName is null ? null : ((string?)answers[ContactEmailId])?.Trim().ToLowerInvariant() is { Length: > 0 } e ? e : null;

        if ((int?)context?["entry"] is { } id)
        {
            var entry = await bank.FindAsync(id, cancellationToken);
            if (entry is null || entry.Status != ExperienceStatus.Active || !bank.CanManage(person, entry))
            {
                await dc.SendAsync("Tiltaket er trukket tilbake eller flyttet mens du redigerte, så endringen er ikke lagret.", cancellationToken);
                return await dc.EndDialogAsync(cancellationToken: cancellationToken);
            }
            entry.MunicipalityNumber = municipality.Number;
            entry.Text = text;
            entry.FocusAreas = area;
            entry.Shared = shared;
            entry.ContactName = contactName;
            entry.ContactEmail = contactEmail;
            bank.Touch(entry, person.Name);
            await dc.SendAsync($"✅ Tiltaket for {municipality.UniqueName} er oppdatert{(shared ? "" : " (ikke delt)")}.", cancellationToken);
        }
        else
        {
            var round = calendar.InForce() ?? calendar.Latest();
            bank.Add(municipality.Number, round.Id, text, area, shared, contactName, contactEmail, person.Name);
            await dc.SendAsync($"✅ Tiltaket for {municipality.UniqueName} er lagt i erfaringsbanken{(shared ? " og kan nå finnes av andre kommuner" : " (ikke delt)")}.", cancellationToken);
        }
        return await dc.EndDialogAsync(cancellationToken: cancellationToken);
    }
}
