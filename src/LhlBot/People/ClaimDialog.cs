using System.Text.Json.Nodes;
using LhlBot.Conversations;
using LhlBot.Conversations.Dialogs;
using LhlBot.Conversations.Prompts;
using LhlBot.Protocol;
using LhlBot.Storage;

namespace LhlBot.People;

/// <summary>
/// Someone the bot does not know (or a contact adding a municipality) claims to be the contact person for a
/// municipality. The claim is stored unapproved – it gives no access – and the Statsforvalteren advisors of
/// that office are told, after the turn has committed, so that one of them can approve it in Teams.
/// </summary>
internal sealed class ClaimDialog : WaterfallDialog
{
    public const string DialogId = "people.claim";

    private readonly Prompt municipalityPrompt;
    private readonly Prompt confirmPrompt = new("claimConfirm", PromptKind.YesNo, "Vil du melde deg som kontaktperson?");

    public ClaimDialog(RegistryLookup registry, LhlDbContext db, PeopleNotifier notifier, RoleAudit audit, Microsoft.Extensions.Options.IOptions<PeopleOptions> options, TimeProvider clock)
    {
        municipalityPrompt = Declare(new Prompt("claimMunicipality", PromptKind.Text, "Hvilken kommune er du kontaktperson for?")
        {
            Help = "Skriv kommunenavnet eller kommunenummeret, for eksempel «Bodø» eller «1804».",
            MaxLength = 100,
            Validate = v => registry.FindMunicipality((string)v!) is { Found: false } lookup ? RegistryLookup.Explain((string)v!, lookup) : null,
        });
        Declare(confirmPrompt);

        AddStep((step, ct) => (string?)step.Options?["municipality"] is { } number
            ? step.NextAsync(number, ct)
            : step.PromptAsync(municipalityPrompt, ct));

        AddStep(async (step, ct) =>
        {
            var municipality = registry.FindMunicipality((string)step.Result!).Match!;
            var person = step.Dialogs.User;
            if (person.ContactFor().Contains(municipality.Number))
            {
                await step.Dialogs.SendAsync($"Du er allerede registrert som kontaktperson for {municipality.Name}. Skriv «rapporter status» for å rapportere.", ct);
                return await step.EndAsync(null, ct);
            }
            if (person.PendingClaims().Contains(municipality.Number))
            {
                await step.Dialogs.SendAsync($"Du har allerede meldt deg som kontaktperson for {municipality.Name}. Det venter på godkjenning fra {registry.OfficeById(municipality.OfficeId)?.DisplayName}.", ct);
                return await step.EndAsync(null, ct);
            }
            if (person.PendingClaims().Count >= options.Value.MaxPendingClaims)
            {
                await step.Dialogs.SendAsync($"Du har allerede {person.PendingClaims().Count} forespørsler som venter på godkjenning. Vent til de er behandlet før du melder deg for flere kommuner.", ct);
                return await step.EndAsync(null, ct);
            }
            step.Values["municipality"] = municipality.Number;
            var office = registry.OfficeById(municipality.OfficeId)?.DisplayName;
            return await step.PromptAsync(confirmPrompt with
            {
                Question = $"Vil du melde deg som kontaktperson for Leve hele livet i {municipality.UniqueName} kommune?",
                Help = $"{office} må godkjenne før du kan se og sende rapporter for kommunen.",
            }, ct);
        });

        AddStep(async (step, ct) =>
        {
            var municipality = registry.ByNumber((string)step.Values["municipality"]!)!;
            if (step.Result?.GetValue<bool>() != true)
            {
                await step.Dialogs.SendAsync("Greit, jeg har ikke registrert noe.", ct);
                return await step.EndAsync(null, ct);
            }
            var activity = step.Dialogs.Context.Activity;
            var person = step.Dialogs.User;
            var now = clock.GetUtcNow();
            if (person is null)
            {
                person = new Person
                {
                    Name = string.IsNullOrWhiteSpace(activity.From?.Name) ? "Ukjent navn" : activity.From!.Name!,
                    AadObjectId = activity.From?.AadObjectId is { Length: > 0 } aad ? aad : null,
                    ChannelUserId = activity.From?.Id,
                    ConversationReferenceJson = System.Text.Json.JsonSerializer.Serialize(activity.GetConversationReference(), LhlBot.Protocol.ProtocolJson.Options),
                    CreatedAt = now,
                };
                db.Add(person);
            }
            person.Roles.Add(new RoleAssignment { Role = Role.MunicipalityContact, MunicipalityNumber = municipality.Number, Approved = false, CreatedAt = now });
            audit.Record(person, "teams", person, RoleAuditAction.ClaimFiled, audit.Describe(Role.MunicipalityContact, municipality.Number, null, null));
            var office = registry.OfficeById(municipality.OfficeId)!;
            var approvers = await notifier.NotifyApproversAfterCommitAsync(office.Id,
                $"{Markdown.Name(person.Name)} har meldt seg som kontaktperson for Leve hele livet i {municipality.UniqueName}. Skriv «godkjenn kontaktpersoner» for å godkjenne eller avvise.", ct);
            await step.Dialogs.SendAsync(
                $"Takk! Du har meldt deg som kontaktperson for {municipality.UniqueName}. {office.DisplayName} må godkjenne det før du kan se og sende rapporter" +
                (approvers > 0 ? " – de har fått beskjed." : " – rådgiverne der ser det neste gang de åpner LhlBot.") +
                " Jeg gir deg beskjed når det er godkjent.", ct);
            return await step.EndAsync(null, ct);
        });
    }

    public override string Id => DialogId;
}
