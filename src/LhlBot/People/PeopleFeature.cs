using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LhlBot.Conversations;
using LhlBot.Conversations.Dialogs;
using LhlBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace LhlBot.People;

/// <summary>
/// People in the chat: a user the bot does not know registers as contact for a municipality ("Registrer meg",
/// "jeg er kontaktperson for Bodø"); Statsforvalteren advisors approve or reject such claims; administrators and
/// advisors import people by pasting CSV.
/// </summary>
internal sealed partial class PeopleFeature(
    LhlDbContext db,
    RegistryLookup registry,
    PeopleNotifier notifier,
    RoleAudit audit,
    TimeProvider clock) : IBotFeature
{
    public const string ClaimAction = "people.claim";
    public const string ClaimsAction = "people.claims";
    public const string DecideAction = "people.decide";
    public const string ImportAction = "people.import";
    public const string ClaimsTemplate = "status-claims";
    private const string ListedClaimsKey = "listedClaims";

    private static readonly string[] ClaimWords = ["registrer meg", "registrere meg", "meld meg på", "jeg er kontaktperson", "eg er kontaktperson", "kontaktperson"];
    private static readonly string[] ClaimsWords = ["godkjenn kontaktpersoner", "godkjenne kontaktpersoner", "ventende", "krav", "godkjenn"];
    private static readonly string[] AuditWords = ["rollelogg", "revisjonslogg", "vis rollelogg", "endringslogg for roller", "rollelogg vis"];
    private static readonly string[] ImportWords = ["importer", "import", "importer personer", "importer kontaktpersoner", "importer rådgivere"];

    public async Task<IReadOnlyList<MenuItem>> MenuItemsAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var person = dc.User;
        var items = new List<MenuItem>();
        if (person.InForce().Any() is false)
        {
            items.Add(new("Registrer meg som kontaktperson", "Meld deg som kontaktperson for Leve hele livet i kommunen din; Statsforvalteren godkjenner.", ClaimAction));
        }
        if (person.ApprovesForOffices() is var offices && (offices is null || offices.Count > 0))
        {
            var pending = await PendingQuery(offices).CountAsync(cancellationToken);
            if (pending > 0) items.Add(new($"Godkjenn kontaktpersoner ({pending})", "Personer som har meldt seg som kontaktperson for en kommune i ditt embete.", ClaimsAction));
        }
        if (person.CanImportPeople())
        {
            items.Add(new("Importer personer", "Lim inn en CSV-liste over kontaktpersoner (eller rådgivere) for å registrere mange på en gang.", ImportAction));
        }
        return items;
    }

    public async Task<bool> TryStartAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var input = dc.Input;
        switch (input.Action)
        {
            case ClaimAction:
                // A recognised request may name the municipality («jeg er ny kontaktperson i Vågan»).
                await dc.BeginDialogAsync(ClaimDialog.DialogId,
                    (string?)input.CardValue?["municipality"] is { Length: > 0 } number && registry.ByNumber(number) is not null ? new JsonObject { ["municipality"] = number } : null,
                    cancellationToken);
                return true;
            case ClaimsAction:
                await ListClaimsAsync(dc, cancellationToken);
                return true;
            case DecideAction:
                await DecideAsync(dc, input.CardInt("claim"), input.CardBool("approve") == true, cancellationToken);
                return true;
            case ImportAction:
                return await StartImportAsync(dc, cancellationToken);
        }
        if (input.CardValue is not null) return false;

        var claim = ClaimPattern().Match(input.Text);
        if (claim.Success)
        {
            var lookup = registry.FindMunicipality(claim.Groups["name"].Value);
            if (!lookup.Found)
            {
                await dc.SendAsync(RegistryLookup.Explain(claim.Groups["name"].Value.Trim(), lookup), cancellationToken);
                return true;
            }
            await dc.BeginDialogAsync(ClaimDialog.DialogId, new JsonObject { ["municipality"] = lookup.Match!.Number }, cancellationToken);
            return true;
        }
        if (input.IsCommand(ClaimWords))
        {
            await dc.BeginDialogAsync(ClaimDialog.DialogId, null, cancellationToken);
            return true;
        }
        if (input.IsCommand(ClaimsWords))
        {
            await ListClaimsAsync(dc, cancellationToken);
            return true;
        }
        var decide = DecidePattern().Match(input.Normalized);
        if (decide.Success && dc.State.Memory[ListedClaimsKey] is JsonArray listed)
        {
            var index = int.Parse(decide.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture) - 1;
            int? id = index >= 0 && index < listed.Count ? (int?)listed[index] : null;
            await DecideAsync(dc, id, decide.Groups["verb"].Value.StartsWith("godkjenn", StringComparison.Ordinal), cancellationToken);
            return true;
        }
        if (input.IsCommand(ImportWords)) return await StartImportAsync(dc, cancellationToken);
        if (input.IsCommand(AuditWords))
        {
            await ShowAuditAsync(dc, cancellationToken);
            return true;
        }
        return false;
    }

    private async Task<bool> StartImportAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var person = dc.User;
        if (!person.CanImportPeople())
        {
            await dc.SendAsync("Bare administratorer og rådgivere i støtteapparatet kan importere personer.", cancellationToken);
            return true;
        }
        await dc.BeginDialogAsync(ImportDialog.DialogId, null, cancellationToken);
        return true;
    }

    /// <summary>The last role and identity changes, for administrators only.</summary>
    private async Task ShowAuditAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (!dc.User.Has(Role.Administrator))
        {
            await dc.SendAsync("Bare administratorer kan se rolleloggen.", cancellationToken);
            return;
        }
        var entries = await audit.LatestAsync(20, cancellationToken);
        await dc.SendAsync(entries.Count == 0
            ? "Rolleloggen er tom: ingen roller er gitt eller endret ennå."
            : "**Rolleloggen (de siste 20 endringene, nyeste først)**\n" + Markdown.Escape(RoleAudit.Format(entries)) + "\nHele loggen: `roles log` på kommandolinjen.", cancellationToken);
    }

    private async Task ListClaimsAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var person = dc.User;
        var offices = person.ApprovesForOffices();
        if (offices is { Count: 0 })
        {
            await dc.SendAsync("Det er Statsforvalterens rådgivere for embetet som godkjenner kontaktpersoner, og du er ikke registrert som det.", cancellationToken);
            return;
        }
        var claims = await PendingQuery(offices).Include(r => r.Person).OrderBy(r => r.Id).Take(20).ToListAsync(cancellationToken);
        if (claims.Count == 0)
        {
            await dc.SendAsync("Ingen venter på godkjenning nå.", cancellationToken);
            return;
        }
        dc.State.Memory[ListedClaimsKey] = new JsonArray(claims.Select(c => (JsonNode)JsonValue.Create(c.Id)).ToArray());
        var text = new StringBuilder("**Venter på godkjenning som kontaktperson**\n");
        for (var i = 0; i < claims.Count; i++)
        {
            text.Append(i + 1).Append(". ").AppendLine(Describe(claims[i]));
        }
        text.Append("Skriv «godkjenn 1» eller «avvis 1» (med nummeret).");
        await dc.SendCardAsync(ClaimsTemplate, new JsonObject
        {
            ["heading"] = "Venter på godkjenning som kontaktperson",
            ["claims"] = new JsonArray(claims.Select(c => (JsonNode)new JsonObject
            {
                ["text"] = Describe(c),
                ["approve"] = new JsonObject { ["action"] = DecideAction, ["claim"] = c.Id, ["approve"] = true },
                ["reject"] = new JsonObject { ["action"] = DecideAction, ["claim"] = c.Id, ["approve"] = false },
            }).ToArray()),
        }, text.ToString(), cancellationToken);
    }

    private async Task DecideAsync(DialogContext dc, int? claimId, bool approve, CancellationToken cancellationToken)
    {
        var person = dc.User;
        var claim = claimId is null ? null : await db.Set<RoleAssignment>().Include(r => r.Person)
            .FirstOrDefaultAsync(r => r.Id == claimId && r.Role == Role.MunicipalityContact, cancellationToken);
        var municipality = claim?.MunicipalityNumber is { } number ? registry.ByNumber(number) : null;
        if (claim is null || municipality is null)
        {
            await dc.SendAsync("Jeg finner ikke den forespørselen – den kan allerede være avvist. Skriv «godkjenn kontaktpersoner» for å se listen på nytt.", cancellationToken);
            return;
        }
        if (!person.CanApproveClaimsFor(municipality.OfficeId))
        {
            await dc.SendAsync($"Bare Statsforvalterens rådgivere i {registry.OfficeById(municipality.OfficeId)?.Name} kan godkjenne kontaktpersoner for {municipality.Name}.", cancellationToken);
            return;
        }
        if (claim.Approved)
        {
            await dc.SendAsync($"{claim.Person!.Name} er allerede godkjent som kontaktperson for {municipality.Name}.", cancellationToken);
            return;
        }
        if (approve)
        {
            claim.Approved = true;
            claim.ApprovedAt = clock.GetUtcNow();
            claim.ApprovedByPersonId = person!.Id;
            audit.Record(person, "teams", claim.Person!, RoleAuditAction.ClaimApproved, audit.Describe(Role.MunicipalityContact, municipality.Number, null, null));
            notifier.NotifyAfterCommit(claim.Person!, $"Du er nå godkjent som kontaktperson for {municipality.Name}. Skriv «rapporter status» for å rapportere.");
            await dc.SendAsync($"✅ {claim.Person!.Name} er godkjent som kontaktperson for {municipality.Name}.", cancellationToken);
        }
        else
        {
            db.Remove(claim);
            audit.Record(person, "teams", claim.Person!, RoleAuditAction.ClaimRejected, audit.Describe(Role.MunicipalityContact, municipality.Number, null, null));
            notifier.NotifyAfterCommit(claim.Person!, $"Forespørselen din om å bli kontaktperson for {municipality.Name} ble ikke godkjent. Ta kontakt med {registry.OfficeById(municipality.OfficeId)?.DisplayName} om du mener det er feil.");
            await dc.SendAsync($"Forespørselen fra {claim.Person!.Name} for {municipality.Name} er avvist.", cancellationToken);
        }
    }

    private IQueryable<RoleAssignment> PendingQuery(IReadOnlyList<int>? offices)
    {
        var numbers = offices is null ? null : registry.Municipalities.Where(m => offices.Contains(m.OfficeId)).Select(m => m.Number).ToList();
        return db.Set<RoleAssignment>().Where(r => !r.Approved && r.Role == Role.MunicipalityContact
            && (numbers == null || numbers.Contains(r.MunicipalityNumber!)));
    }

    private string Describe(RoleAssignment claim) =>
        $"{Markdown.Name(claim.Person?.Name)}{(claim.Person?.Email is { } email ? $" ({email})" : "")} – {registry.ByNumber(claim.MunicipalityNumber!)?.UniqueName}";

    [GeneratedRegex(@"^\s*(jeg|eg)\s+er\s+(lhl-?\s*)?kontaktperson(en)?\s+(for|i|på)\s+(?<name>.+?)\s*[.!]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ClaimPattern();

    [GeneratedRegex(@"^(?<verb>godkjenn|godkjenne|avvis|avvise)\s+(?<n>\d{1,2})$")]
    private static partial Regex DecidePattern();
}
