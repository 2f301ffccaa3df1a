using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using LhlBot.Conversations;
using LhlBot.Conversations.Dialogs;
using LhlBot.Conversations.Forms;
using LhlBot.People;

namespace LhlBot.StatusReports;

/// <summary>
/// A municipality contact fills the report for the round in force: all of it on one card in Teams (pre-filled
/// from the last report), step by step in plain text, then a summary to check before sending. Everything before
/// "send" lives in the dialog state, so a break or restart resumes it and "avbryt" leaves nothing stored.
/// </summary>
internal sealed class StatusReportDialog(
    StatusReportStore store,
    ReportingCalendar calendar,
    IEnumerable<IFollowUpOffer> offers,
    IEnumerable<IReportSubmitted> onSubmitted) : FormDialog
{
    public const string DialogId = "statusReport";
    public const string ReceiptTemplate = "status-receipt";

    private FormDefinition? form;

    public override string Id => DialogId;

    public override string? RestartAction => StatusReportsFeature.ReportAction;

    protected override FormDefinition Form => form ??= StatusReportForm.Build(calendar.Today);

    protected override string SendTitle => "Send rapporten";

    /// <summary>What the dialog needs to remember besides the answers (kept in its state).</summary>
    public static JsonObject Context(MunicipalityEntry municipality, ReportingRound round, StatusReport? current) => new()
    {
        ["municipality"] = municipality.Number,
        ["name"] = municipality.Name,
        ["round"] = round.Id,
        ["roundTitle"] = round.Title,
        ["deadline"] = round.Deadline.ToString("d. MMMM yyyy", CultureInfo.GetCultureInfo("nb-NO")),
        ["basedOnVersion"] = current?.Version ?? 0,
    };

    protected override string Title(JsonNode? context) => $"Statusrapport for {context?["name"]} – per {context?["roundTitle"]}";

    protected override string? Intro(JsonNode? context) =>
        ((int?)context?["basedOnVersion"] ?? 0) > 0
            ? $"Dere har allerede rapportert i denne runden. Svarene er fylt inn fra versjon {context?["basedOnVersion"]}; det du sender blir en ny versjon, og den gamle tas vare på."
            : $"Svarene går til Statsforvalteren, som oppsummerer for Helsedirektoratet. Frist: {context?["deadline"]}. Der det er fylt inn svar, er de hentet fra forrige rapport – se over og rett det som har endret seg.";

    protected override async Task<DialogTurnStatus> OnCompletedAsync(DialogContext dc, JsonObject answers, JsonNode? context, CancellationToken cancellationToken)
    {
        var number = (string)context!["municipality"]!;
        var roundId = (string)context["round"]!;
        var person = dc.User;
        // The role may have been withdrawn while the form was open: check again at the moment of writing.
        if (person is null || !person.CanWriteReport(number))
        {
            await dc.SendAsync($"Du er ikke (lenger) registrert som kontaktperson for {context["name"]}, så rapporten kan ikke sendes. Ingenting er lagret.", cancellationToken);
            return await dc.EndDialogAsync(cancellationToken: cancellationToken);
        }

        var (report, replaced) = await store.SubmitAsync(number, roundId, answers, person, cancellationToken);
        var basedOn = (int?)context["basedOnVersion"] ?? 0;
        var notes = new List<string>();
        if (replaced is not null && replaced.Version != basedOn)
        {
            notes.Add($"Merk: {replaced.SubmittedByName} sendte en rapport for {context["name"]} mens du fylte ut. Din er nå gjeldende (versjon {report.Version}); den andre er tatt vare på som versjon {replaced.Version}.");
        }
        else if (replaced is not null)
        {
            notes.Add($"Versjon {replaced.Version} er tatt vare på.");
        }
        var additions = new List<ReceiptAddition>();
        foreach (var handler in onSubmitted)
        {
            if (await handler.OnSubmittedAsync(dc, report, answers, cancellationToken) is { } addition) additions.Add(addition);
        }
        notes.AddRange(additions.Select(a => a.Note));
        var offer = !string.IsNullOrWhiteSpace((string?)answers[StatusReportForm.HelpWantedId])
            ? offers.Select(o => o.Offer(dc)).FirstOrDefault(o => o is not null)
            : null;
        if (!string.IsNullOrWhiteSpace((string?)answers[StatusReportForm.HelpWantedId]))
        {
            notes.Add(offer is not null
                ? "Dere ønsker hjelp fra støtteapparatet – vil du avtale et veiledningsmøte?"
                : "Ønsket om hjelp går med rapporten til Statsforvalteren, som tar kontakt.");
        }

        var heading = $"Takk! Statusrapporten for {context["name"]} per {context["roundTitle"]} er sendt (versjon {report.Version}).";
        var text = new StringBuilder("✅ ").AppendLine(heading);
        foreach (var note in notes) text.AppendLine(note);
        if (offer is not null) text.Append("Skriv «").Append(offer.Title.ToLowerInvariant()).AppendLine("» for å gå videre.");
        await dc.SendCardAsync(ReceiptTemplate, new JsonObject
        {
            ["heading"] = heading,
            ["notes"] = new JsonArray(notes.Select(n => (JsonNode)JsonValue.Create(n)!).ToArray()),
            ["facts"] = new JsonArray(Form.Visible(answers).Where(f => answers[f.Prompt.Id] is not null).Select(f => (JsonNode)new JsonObject
            {
                ["title"] = f.Prompt.Question,
                ["value"] = f.Prompt.Display(answers[f.Prompt.Id]),
            }).ToArray()),
            ["actions"] = new JsonArray(additions.Select(a => a.Action).Prepend(offer).OfType<MenuItem>()
                .Select(a => (JsonNode)new JsonObject { ["title"] = a.Title, ["data"] = new JsonObject { ["action"] = a.Action } }).ToArray()),
        }, text.ToString().TrimEnd(), cancellationToken);
        return await dc.EndDialogAsync(cancellationToken: cancellationToken);
    }
}
