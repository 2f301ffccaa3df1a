using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using LhlBot.Bookings;
using LhlBot.Conversations;
using LhlBot.Conversations.Dialogs;
using LhlBot.People;
using LhlBot.Questions;
using LhlBot.Reform;
using LhlBot.StatusReports;
using LhlBot.Storage;
using Microsoft.Extensions.Options;

namespace LhlBot.Experiences;

/// <summary>
/// The experience bank (erfaringsbanken) as users meet it: measures from other municipalities beside the answer to
/// a question, each with «Kontakt kommunen» and «Book møte om dette»; «erfaringsbanken» lists a contact's own
/// entries (to mark «ikke del») and an advisor's office entries (to edit, withdraw or add one).
/// </summary>
internal sealed class ExperiencesFeature(
    ExperienceBank bank,
    ExperienceSearch search,
    LhlDbContext db,
    RegistryLookup registry,
    ReportingCalendar calendar,
    IOptions<ExperienceOptions> options) : IBotFeature, IAnswerSupplement, IReportSubmitted
{
    public const string ListAction = "experiences.list";
    public const string ContactAction = "experiences.contact";
    public const string ShareAction = "experiences.share";
    public const string WithdrawAction = "experiences.withdraw";
    public const string EditAction = "experiences.edit";
    public const string AddAction = "experiences.add";
    public const string Template = "experiences";
    private const string ListedKey = "experiences.listed";

    private static readonly string[] ListWords = ["erfaringsbank", "erfaringsbanken", "erfaringsbanken vår", "våre tiltak", "vare tiltak", "mine tiltak", "tiltakene våre"];
    private static readonly string[] AddWords = ["nytt tiltak", "legg til tiltak", "legg inn tiltak", "nytt tiltak i erfaringsbanken", "legg til i erfaringsbanken"];

    private static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");

    public Task<IReadOnlyList<MenuItem>> MenuItemsAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var person = dc.User;
        IReadOnlyList<MenuItem> items = person.AdvisesOffices().Count > 0 || person.Has(Role.Administrator)
            ? [new("Erfaringsbanken", "Tiltakene kommunene i embetet har rapportert: rediger, trekk tilbake eller legg til fra et møte.", ListAction)]
            : person.ContactFor().Count > 0
                ? [new("Erfaringsbanken", "Tiltakene kommunen har delt med andre kommuner – merk dem «ikke del» om de ikke skal deles.", ListAction)]
                : [];
        return Task.FromResult(items);
    }

    public async Task<bool> TryStartAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var input = dc.Input;
        var entryId = input.CardInt("entry");
        switch (input.Action)
        {
            case ListAction:
                await ListAsync(dc, cancellationToken);
                return true;
            case ContactAction:
                await ContactAsync(dc, entryId, cancellationToken);
                return true;
            case ShareAction:
                await ShareAsync(dc, entryId, input.CardBool("shared") ?? true, cancellationToken);
                return true;
            case WithdrawAction:
                await WithdrawAsync(dc, entryId, cancellationToken);
                return true;
            case EditAction:
                await EditAsync(dc, entryId, cancellationToken);
                return true;
            case AddAction:
                await AddAsync(dc, cancellationToken);
                return true;
            case { Length: > 0 }:
                return false;
        }
        if (input.IsCommand(ListWords))
        {
            await ListAsync(dc, cancellationToken);
            return true;
        }
        if (input.IsCommand(AddWords))
        {
            await AddAsync(dc, cancellationToken);
            return true;
        }
        // «ikke del 2», «del 2», «trekk tilbake 2», «rediger 2» refer to the numbered list «erfaringsbanken» showed last.
        var words = input.Normalized.Split(' ');
        if (words.Length >= 2 && int.TryParse(words[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && dc.State.Memory[ListedKey] is JsonArray listed && number >= 1 && number <= listed.Count)
        {
            var id = (int?)listed[number - 1];
            switch (string.Join(' ', words[..^1]))
            {
                case "ikke del" or "ikkje del":
                    await ShareAsync(dc, id, false, cancellationToken);
                    return true;
                case "del":
                    await ShareAsync(dc, id, true, cancellationToken);
                    return true;
                case "trekk tilbake" or "trekk" or "slett":
                    await WithdrawAsync(dc, id, cancellationToken);
                    return true;
                case "rediger" or "endre":
                    await EditAsync(dc, id, cancellationToken);
                    return true;
            }
        }
        return false;
    }

    /// <summary>Measures from named municipalities, newest first, beside (or instead of) the document answer.</summary>
    public async Task<bool> SupplementAsync(DialogContext dc, string question, bool documentsAnswered, CancellationToken cancellationToken)
    {
        var matches = await search.SearchAsync(db, bank, dc.User, question, cancellationToken);
        if (matches.Entries.Count == 0) return false;
        var heading = "Slik gjør andre kommuner det – fra erfaringsbanken" + (matches.Place is null ? "" : $" ({matches.Place})");
        var note = (documentsAnswered ? "" : "Veiledningsdokumentene svarer ikke direkte på dette, men kommunene har rapportert disse tiltakene. ")
            + "Nyeste først.";
        var text = new StringBuilder("**").Append(heading).AppendLine("**").AppendLine("_" + note + "_");
        var entries = new JsonArray();
        var n = 0;
        foreach (var (entry, highlighted) in matches.Entries)
        {
            n++;
            var title = Title(entry);
            var actions = new JsonArray { Button("Kontakt kommunen", new JsonObject { ["action"] = ContactAction, ["entry"] = entry.Id }) };
            if (BookingAccess.IsContact(dc.User) && !dc.User.ContactFor().Contains(entry.MunicipalityNumber)) actions.Add(Button("Book møte om dette", BookingPrefill(entry)));
            entries.Add(new JsonObject { ["title"] = title, ["text"] = highlighted, ["actions"] = actions });
            text.Append(n).Append(". ").Append(title).Append(": ").AppendLine(highlighted);
        }
        text.Append("Trykk «Kontakt kommunen» på kortet for å se hvem du kan spørre");
        text.Append(BookingAccess.IsContact(dc.User) ? ", eller «Book møte om dette» for et møte med USHT." : ".");
        await dc.SendCardAsync(Template, new JsonObject
        {
            ["heading"] = heading,
            ["note"] = note,
            ["entries"] = entries,
            ["actions"] = new JsonArray(),
        }, text.ToString().TrimEnd(), cancellationToken);
        return true;
    }

    /// <summary>After a report is sent: its measures become entries, and the receipt says so.</summary>
    public async Task<ReceiptAddition?> OnSubmittedAsync(DialogContext dc, StatusReport report, JsonObject answers, CancellationToken cancellationToken)
    {
        var person = dc.User!;
        var entries = await bank.SyncFromReportAsync(report, answers, person.Name, person.Email, cancellationToken);
        if (entries.Count == 0) return null;
        var shared = entries.Count(e => e.Shared);
        var note = $"{Count(entries.Count, "tiltak", "tiltak")} er lagt i erfaringsbanken"
            + (shared == entries.Count ? ", der andre kommuner kan finne dem." : shared == 0 ? ", men deles ikke med andre kommuner." : $"; {shared} deles med andre kommuner.")
            + " Velg «Erfaringsbanken» for å merke enkelttiltak «ikke del».";
        return new ReceiptAddition(note, new MenuItem("Erfaringsbanken", "", ListAction));
    }

    private async Task ListAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var person = dc.User;
        var manages = person.Has(Role.Administrator) || person.AdvisesOffices().Count > 0;
        IReadOnlyCollection<string>? scope = person.Has(Role.Administrator) ? null
            : manages ? registry.Municipalities.Where(m => person.AdvisesOffices().Contains(m.OfficeId)).Select(m => m.Number).ToHashSet()
            : person.ContactFor();
        if (scope is { Count: 0 })
        {
            await dc.SendAsync("Erfaringsbanken samler tiltakene kommunene rapporterer. Spør meg for eksempel «Hva gjør andre kommuner med mat og måltider?», så viser jeg tiltak fra andre kommuner.", cancellationToken);
            return;
        }
        var all = await bank.VisibleAsync(person, scope, cancellationToken);
        var shown = all.Take(options.Value.MaxListed).ToList();
        var heading = manages
            ? $"Erfaringsbanken – {(person.Has(Role.Administrator) ? "hele landet" : string.Join(", ", person.AdvisesOffices().Select(id => registry.OfficeById(id)?.DisplayName)))}: {Count(all.Count, "tiltak", "tiltak")}"
            : $"Erfaringsbanken – tiltakene fra {string.Join(", ", person.ContactFor().Select(n => registry.ByNumber(n)?.UniqueName ?? n))}: {all.Count}";
        var note = all.Count == 0
            ? manages ? "Ingen tiltak ennå. Tiltak kommer inn når kommunene sender statusrapporten, eller legg til ett fra et møte." : "Ingen tiltak ennå. Tiltakene dere skriver i statusrapporten, havner her."
            : (all.Count > shown.Count ? $"De {shown.Count} nyeste vises; hele banken kan eksporteres som CSV (`experiences export`). " : "Nyeste først. ")
              + (manages ? "Skriv «rediger 2», «trekk tilbake 2» eller «ikke del 2»." : "Skriv «ikke del 2» eller «del 2».");
        var text = new StringBuilder("**").Append(heading).AppendLine("**").AppendLine(note);
        var entries = new JsonArray();
        var n = 0;
        foreach (var entry in shown)
        {
            n++;
            var title = Title(entry) + (entry.Shared ? " · delt" : " · ikke delt");
            var actions = new JsonArray
            {
                entry.Shared
                    ? Button("Ikke del", new JsonObject { ["action"] = ShareAction, ["entry"] = entry.Id, ["shared"] = false })
                    : Button("Del", new JsonObject { ["action"] = ShareAction, ["entry"] = entry.Id, ["shared"] = true }),
            };
            if (bank.CanManage(person, entry))
            {
                actions.Add(Button("Rediger", new JsonObject { ["action"] = EditAction, ["entry"] = entry.Id }));
                actions.Add(Button("Trekk tilbake", new JsonObject { ["action"] = WithdrawAction, ["entry"] = entry.Id }));
            }
            entries.Add(new JsonObject { ["title"] = title, ["text"] = entry.Text + ContactLine(entry), ["actions"] = actions });
            text.Append(n).Append(". ").Append(title).Append(": ").Append(entry.Text).AppendLine(ContactLine(entry));
        }
        RememberListed(dc, shown);
        var cardActions = new JsonArray();
        if (manages)
        {
            cardActions.Add(Button("Legg til tiltak", new JsonObject { ["action"] = AddAction }));
            text.AppendLine("Skriv «nytt tiltak» for å legge til et tiltak, for eksempel fra et møte.");
        }
        await dc.SendCardAsync(Template, new JsonObject { ["heading"] = heading, ["note"] = note, ["entries"] = entries, ["actions"] = cardActions }, text.ToString().TrimEnd(), cancellationToken);
    }

    private async Task ContactAsync(DialogContext dc, int? id, CancellationToken cancellationToken)
    {
        var entry = id is null ? null : await bank.FindAsync(id.Value, cancellationToken);
        if (entry is null || !bank.CanSee(dc.User, entry) || entry.Status != ExperienceStatus.Active)
        {
            await dc.SendAsync("Jeg finner ikke det tiltaket i erfaringsbanken lenger. Det kan være trukket tilbake.", cancellationToken);
            return;
        }
        var municipality = registry.ByNumber(entry.MunicipalityNumber);
        var name = municipality?.UniqueName ?? entry.MunicipalityNumber;
        if (entry.ContactName is { Length: > 0 } contact)
        {
            await dc.SendAsync($"Kontaktperson for «{Shorten(entry.Text, 80)}» i {name}: **{contact}**"
                + (entry.ContactEmail is { Length: > 0 } email ? $", {email}." : ".")
                + " Hen har sagt ja til å bli kontaktet om tiltaket.", cancellationToken);
            return;
        }
        await dc.SendAsync($"{name} har ikke oppgitt noen som kan kontaktes om «{Shorten(entry.Text, 80)}». "
            + (municipality is null ? "Statsforvalteren" : $"Statsforvalteren i {municipality.OfficeName}") + " kjenner kommunens arbeid og kan sette dere i kontakt.", cancellationToken);
    }

    private async Task ShareAsync(DialogContext dc, int? id, bool shared, CancellationToken cancellationToken)
    {
        var entry = id is null ? null : await bank.FindAsync(id.Value, cancellationToken);
        if (entry is null || entry.Status != ExperienceStatus.Active || !bank.CanMarkSharing(dc.User, entry))
        {
            await dc.SendAsync("Du kan bare merke tiltak fra din egen kommune (eller ditt embete). Skriv «erfaringsbanken» for å se dem.", cancellationToken);
            return;
        }
        entry.Shared = shared;
        bank.Touch(entry, dc.User!.Name);
        await dc.SendAsync(shared
            ? $"«{Shorten(entry.Text, 80)}» deles nå med andre kommuner i erfaringsbanken."
            : $"«{Shorten(entry.Text, 80)}» er merket «ikke del»: bare kommunen og Statsforvalteren i embetet ser det.", cancellationToken);
    }

    private async Task WithdrawAsync(DialogContext dc, int? id, CancellationToken cancellationToken)
    {
        var entry = id is null ? null : await bank.FindAsync(id.Value, cancellationToken);
        if (entry is null || !bank.CanManage(dc.User, entry))
        {
            await dc.SendAsync("Bare rådgivere i kommunens embete kan trekke tilbake tiltak i erfaringsbanken.", cancellationToken);
            return;
        }
        if (entry.Status != ExperienceStatus.Active)
        {
            await dc.SendAsync("Det tiltaket er allerede trukket tilbake.", cancellationToken);
            return;
        }
        entry.Status = ExperienceStatus.Withdrawn;
        bank.Touch(entry, dc.User!.Name);
        await dc.SendAsync($"«{Shorten(entry.Text, 80)}» er trukket tilbake fra erfaringsbanken. Det vises ikke lenger i svar.", cancellationToken);
    }

    private async Task EditAsync(DialogContext dc, int? id, CancellationToken cancellationToken)
    {
        var entry = id is null ? null : await bank.FindAsync(id.Value, cancellationToken);
        if (entry is null || entry.Status != ExperienceStatus.Active || !bank.CanManage(dc.User, entry))
        {
            await dc.SendAsync("Bare rådgivere i kommunens embete kan redigere tiltak i erfaringsbanken.", cancellationToken);
            return;
        }
        await dc.BeginDialogAsync(ExperienceDialog.DialogId, ExperienceDialog.Options(entry, registry), cancellationToken);
    }

    private async Task AddAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var person = dc.User;
        if (!person.Has(Role.Administrator) && person.AdvisesOffices().Count == 0)
        {
            await dc.SendAsync("Det er rådgiverne i støtteapparatet som legger inn tiltak fra møter. Kommunens egne tiltak kommer inn med statusrapporten («rapporter status»).", cancellationToken);
            return;
        }
        await dc.BeginDialogAsync(ExperienceDialog.DialogId, ExperienceDialog.Options(null, registry, dc.Input.CardString("municipality"), dc.Input.CardString("focusArea")), cancellationToken);
    }

    private string Title(Experience entry)
    {
        var municipality = registry.ByNumber(entry.MunicipalityNumber);
        var areas = entry.FocusAreaValues.Select(v => FocusArea.Choices.FirstOrDefault(c => c.Value == v)?.Title).OfType<string>().ToList();
        var round = calendar.Find(entry.RoundId);
        return string.Join(" · ", new[]
        {
            municipality is null ? entry.MunicipalityNumber : $"{municipality.Name} ({municipality.County})",
            areas.Count > 0 ? string.Join(", ", areas) : null,
            entry.Source == ExperienceSource.Report ? $"rapportert per {round?.Title ?? entry.RoundId}" : $"fra rådgiver, {entry.CreatedUtc.ToString("d. MMMM yyyy", Norwegian)}",
        }.OfType<string>());
    }

    private static string ContactLine(Experience entry) =>
        entry.ContactName is { Length: > 0 } name ? $" (kontakt: {name}{(entry.ContactEmail is { Length: > 0 } e ? ", " + e : "")})" : "";

    private JsonObject BookingPrefill(Experience entry)
    {
        var municipality = registry.ByNumber(entry.MunicipalityNumber)?.UniqueName ?? entry.MunicipalityNumber;
        var description = $"Vi vil gjerne høre mer om tiltaket «{Shorten(entry.Text, 300)}» i {municipality} (fra erfaringsbanken).";
        return new JsonObject
        {
            ["action"] = BookingFeature.StartAction,
            ["prefill"] = new JsonObject
            {
                ["with"] = nameof(MeetingWith.USHT),
                ["topic"] = entry.FocusAreaValues.FirstOrDefault() ?? "annet",
                ["description"] = description,
            },
        };
    }

    private static void RememberListed(DialogContext dc, IEnumerable<Experience> entries) =>
        dc.State.Memory[ListedKey] = new JsonArray(entries.Select(e => (JsonNode)JsonValue.Create(e.Id)).ToArray());

    private static JsonObject Button(string title, JsonObject data) => new() { ["title"] = title, ["data"] = data };

    internal static string Count(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
