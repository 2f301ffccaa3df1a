using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using LhlBot.Bookings.Availability;
using LhlBot.Bookings.Slots;
using LhlBot.Conversations.Dialogs;
using LhlBot.Conversations.Forms;
using LhlBot.Conversations.Prompts;
using LhlBot.People;
using LhlBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace LhlBot.Bookings.Dialogs;

/// <summary>
/// "Mine tider" for advisors: shows their weekly windows and coming absences, and adds a window, an absence,
/// or clears the windows. One card in Teams, step by step in text.
/// </summary>
internal sealed class AvailabilityDialog(LhlDbContext db, TimeProvider clock) : FormDialog
{
    public const string DialogId = "booking.availability";

    private const string WhatId = "what";
    private const string DayId = "weekday";
    private const string FromId = "from";
    private const string ToId = "to";
    private const string AbsenceFromId = "absenceFrom";
    private const string AbsenceToId = "absenceTo";

    private static readonly FormDefinition Definition = new("availability", [
        new FormField(new Prompt(WhatId, PromptKind.Choice, "Hva vil du gjøre?")
        {
            Choices =
            [
                new("window", "Legg til ukentlig tid") { Synonyms = ["ukentlig", "ny tid", "legg til"] },
                new("absence", "Registrer fravær") { Synonyms = ["fravær", "fravaer", "ferie", "borte"] },
                new("clear", "Fjern alle ukentlige tider") { Synonyms = ["fjern", "slett"] },
            ],
        }),
        new FormField(new Prompt(DayId, PromptKind.Choice, "Ukedag")
        {
            Choices = Enumerable.Range(1, 5).Select(d => new Choice(((DayOfWeek)d).ToString(), Capitalise(SlotText.Weekday((DayOfWeek)d)))).ToList(),
        }) { ShowIf = a => (string?)a[WhatId] == "window", ShowIfText = "ved ukentlig tid" },
        new FormField(new Prompt(FromId, PromptKind.Text, "Fra klokken") { Placeholder = "09:00", MaxLength = 5, Validate = ValidateTime })
            { ShowIf = a => (string?)a[WhatId] == "window", ShowIfText = "ved ukentlig tid" },
        new FormField(new Prompt(ToId, PromptKind.Text, "Til klokken") { Placeholder = "12:00", MaxLength = 5, Validate = ValidateTime })
            { ShowIf = a => (string?)a[WhatId] == "window", ShowIfText = "ved ukentlig tid" },
        new FormField(new Prompt(AbsenceFromId, PromptKind.Date, "Fravær fra og med"))
            { ShowIf = a => (string?)a[WhatId] == "absence", ShowIfText = "ved fravær" },
        new FormField(new Prompt(AbsenceToId, PromptKind.Date, "Fravær til og med"))
            { ShowIf = a => (string?)a[WhatId] == "absence", ShowIfText = "ved fravær" },
    ])
    {
        CrossValidate = answers =>
        {
            var errors = new Dictionary<string, string>();
            if (TryTime((string?)answers[FromId], out var from) && TryTime((string?)answers[ToId], out var to) && to <= from)
                errors[ToId] = "Sluttiden må være etter starttiden.";
            if ((string?)answers[AbsenceFromId] is { } af && (string?)answers[AbsenceToId] is { } at && string.CompareOrdinal(at, af) < 0)
                errors[AbsenceToId] = "Sluttdatoen kan ikke være før startdatoen.";
            return errors;
        },
    };

    public override string Id => DialogId;

    protected override FormDefinition Form => Definition;

    protected override string Title(JsonNode? context) => "Mine tider";

    protected override string? Intro(JsonNode? context) => (string?)context?["overview"];

    protected override string SendTitle => "Lagre";

    public override async Task<DialogTurnStatus> BeginAsync(DialogContext dc, JsonNode? options, CancellationToken cancellationToken)
    {
        var person = dc.User;
        if (!BookingAccess.IsAdvisor(person))
        {
            await dc.SendAsync("«Mine tider» er for rådgivere hos Statsforvalteren, KS og USHT som tar imot veiledningsmøter.", cancellationToken);
            return await dc.EndDialogAsync(null, cancellationToken);
        }
        return await base.BeginAsync(dc, new JsonObject { ["context"] = new JsonObject { ["overview"] = await OverviewAsync(person!.Id, cancellationToken) } }, cancellationToken);
    }

    protected override async Task<DialogTurnStatus> OnCompletedAsync(DialogContext dc, JsonObject answers, JsonNode? context, CancellationToken cancellationToken)
    {
        var person = dc.User!;
        switch ((string?)answers[WhatId])
        {
            case "window":
                TryTime((string?)answers[FromId], out var from);
                TryTime((string?)answers[ToId], out var to);
                db.Add(new AdvisorWindow { PersonId = person.Id, Weekday = Enum.Parse<DayOfWeek>((string)answers[DayId]!), From = from, To = to });
                break;
            case "absence":
                var first = DateOnly.ParseExact((string)answers[AbsenceFromId]!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                var last = DateOnly.ParseExact((string)answers[AbsenceToId]!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                db.Add(new AdvisorAbsence { PersonId = person.Id, FromUtc = SlotFinder.FromOslo(first, TimeOnly.MinValue), ToUtc = SlotFinder.FromOslo(last.AddDays(1), TimeOnly.MinValue), Reason = "Registrert i Teams" });
                break;
            case "clear":
                db.RemoveRange(await db.Set<AdvisorWindow>().Where(w => w.PersonId == person.Id).ToListAsync(cancellationToken));
                break;
        }
        // Saved with the turn; show what will be in force (pending additions included).
        var overview = await OverviewAsync(person.Id, cancellationToken);
        await dc.SendAsync("Lagret ✅\n\n" + overview + "\n\nSkriv «mine tider» for å endre mer.", cancellationToken);
        return await dc.EndDialogAsync(null, cancellationToken);
    }

    private async Task<string> OverviewAsync(int personId, CancellationToken cancellationToken)
    {
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var stored = await db.Set<AdvisorWindow>().Where(w => w.PersonId == personId).ToListAsync(cancellationToken);
        var windows = stored
            .Concat(db.ChangeTracker.Entries<AdvisorWindow>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).Where(w => w.PersonId == personId))
            .Except(db.ChangeTracker.Entries<AdvisorWindow>().Where(e => e.State == EntityState.Deleted).Select(e => e.Entity))
            .Distinct().OrderBy(w => ((int)w.Weekday + 6) % 7).ThenBy(w => w.From).ToList();
        var absences = (await db.Set<AdvisorAbsence>().Where(a => a.PersonId == personId && a.ToUtc > nowUtc).ToListAsync(cancellationToken))
            .Concat(db.ChangeTracker.Entries<AdvisorAbsence>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).Where(a => a.PersonId == personId))
            .Distinct().OrderBy(a => a.FromUtc).ToList();
        var text = new StringBuilder("Ukentlige tider: ");
        text.Append(windows.Count == 0 ? "ingen ennå – da kan ingen booke møter med deg." :
            string.Join("; ", windows.Select(w => $"{SlotText.Weekday(w.Weekday)} {w.From:HH\\:mm}–{w.To:HH\\:mm}")));
        text.Append("\nFravær: ");
        text.Append(absences.Count == 0 ? "ingen registrert." :
            string.Join("; ", absences.Select(a =>
            {
                var from = SlotFinder.ToOslo(a.FromUtc).Date;
                var to = SlotFinder.ToOslo(a.ToUtc).Date.PlusDays(-1);
                return $"{from:dd.MM.yyyy}–{to:dd.MM.yyyy}";
            })));
        return text.ToString();
    }

    private static string? ValidateTime(JsonNode answer) =>
        TryTime((string?)answer, out _) ? null : "Skriv klokkeslettet som 09:00 eller 9.";

    internal static bool TryTime(string? text, out TimeOnly time)
    {
        time = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim().Replace('.', ':');
        if (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var hour))
        {
            if (hour is >= 0 and <= 23) { time = new TimeOnly(hour, 0); return true; }
            if (t.Length == 4 && hour / 100 <= 23 && hour % 100 <= 59) { time = new TimeOnly(hour / 100, hour % 100); return true; }
            return false;
        }
        return TimeOnly.TryParseExact(t, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
