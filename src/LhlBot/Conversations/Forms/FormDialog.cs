using System.Text;
using System.Text.Json.Nodes;
using LhlBot.Conversations.Dialogs;
using LhlBot.Conversations.Prompts;
using LhlBot.Protocol;

namespace LhlBot.Conversations.Forms;

/// <summary>
/// Fills a <see cref="FormDefinition"/>: where cards are shown, the whole form on one card (pre-filled, errors
/// put on the card by server-side validation); in plain text, one question at a time. Then a summary where any
/// answer can be changed, and only on "send" does the subclass store the answers. Its position and answers live
/// in the dialog state, so a break or a restart resumes where the user left off; "avbryt" stores nothing.
/// </summary>
internal abstract class FormDialog : Dialog
{
    protected const string SubmitAction = "form.submit";
    protected const string EditAction = "form.edit";
    protected const string SendAction = "form.send";

    private const string ModeKey = "mode";
    private const string AnswersKey = "answers";
    private const string CurrentKey = "current";
    private const string EditingKey = "editing";
    private const string ContextKey = "context";

    private static readonly string[] KeepWords = ["behold", "=", "samme", "uendret"];
    private static readonly string[] SendWords = ["send", "sende", "ja", "ok", "bekreft", "send inn"];

    protected abstract FormDefinition Form { get; }

    private static readonly string[] FormActions = [SubmitAction, EditAction, SendAction, PromptRenderer.PromptAction, CardActions.Cancel];

    public override IReadOnlyCollection<string> OwnActions => FormActions;

    /// <summary>The form's heading, e.g. "Statusrapport for Bodø – 1. november 2026".</summary>
    protected abstract string Title(JsonNode? context);

    protected virtual string? Intro(JsonNode? context) => null;

    protected virtual string SendTitle => "Send";

    /// <summary>Stores the confirmed answers (in this turn's unit of work) and tells the user.</summary>
    protected abstract Task<DialogTurnStatus> OnCompletedAsync(DialogContext dc, JsonObject answers, JsonNode? context, CancellationToken cancellationToken);

    /// <param name="options">{ "answers": { pre-filled answers }, "context": anything the subclass needs later }</param>
    public override async Task<DialogTurnStatus> BeginAsync(DialogContext dc, JsonNode? options, CancellationToken cancellationToken)
    {
        var state = dc.ActiveInstance!.State;
        var answers = options?["answers"]?.DeepClone() as JsonObject ?? [];
        state[AnswersKey] = answers;
        state[ContextKey] = options?["context"]?.DeepClone();
        if (dc.CardsSupported)
        {
            state[ModeKey] = "card";
            await SendFormCardAsync(dc, state, answers, errors: null, cancellationToken);
        }
        else
        {
            state[ModeKey] = "text";
            if (Intro(state[ContextKey]) is { } intro) await dc.SendAsync($"**{Title(state[ContextKey])}**\n\n{intro}", cancellationToken);
            await AskNextAsync(dc, state, after: null, cancellationToken);
        }
        return DialogTurnStatus.Waiting;
    }

    public override async Task<DialogTurnStatus> ContinueAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var state = dc.ActiveInstance!.State;
        var answers = state[AnswersKey]!.AsObject();
        var input = dc.Input;

        switch (input.Action)
        {
            case SubmitAction when IsOurs(input):
                return await AcceptCardAsync(dc, state, input.CardValue!, cancellationToken);
            case EditAction when IsOurs(input):
                state[ModeKey] = "card";
                await SendFormCardAsync(dc, state, answers, errors: null, cancellationToken);
                return DialogTurnStatus.Waiting;
            case SendAction when IsOurs(input):
                return await CompleteAsync(dc, state, cancellationToken);
        }

        switch ((string?)state[ModeKey])
        {
            case "summary":
                return await ContinueSummaryAsync(dc, state, answers, cancellationToken);
            case "card":
                // The user typed instead of filling the card: go on step by step in the chat, and what they typed
                // answers the first question when it can («1», «Statsforvalteren») — nothing typed is lost.
                state[ModeKey] = "text";
                await dc.SendAsync("Greit, vi tar det stegvis her i chatten.", cancellationToken);
                if (Form.Visible(answers).FirstOrDefault() is { } first && AnswerRecognizer.Recognize(first.Prompt, input.Text, dc.Clock) is { Ok: true } typed)
                {
                    if (typed.Value is null) answers.Remove(first.Prompt.Id);
                    else answers[first.Prompt.Id] = typed.Value;
                    await AskNextAsync(dc, state, after: first.Prompt.Id, cancellationToken);
                    return DialogTurnStatus.Waiting;
                }
                await AskNextAsync(dc, state, after: null, cancellationToken);
                return DialogTurnStatus.Waiting;
            default:
                return await ContinueTextAsync(dc, state, answers, cancellationToken);
        }
    }

    public override bool Accepts(DialogContext dc)
    {
        var state = dc.ActiveInstance!.State;
        if (dc.Input.CardValue is not null) return true;
        switch ((string?)state[ModeKey])
        {
            case "summary":
                return dc.Input.IsCommand(SendWords) || int.TryParse(dc.Input.Normalized, out _);
            case "text" when CurrentField(state) is { } field:
                return field.Prompt.Kind == PromptKind.Text
                    || WantsToKeep(dc, field, state[AnswersKey]!.AsObject())
                    || AnswerRecognizer.Recognize(field.Prompt, dc.Input.Text, dc.Clock).Ok;
            default:
                return !TextMatching.LooksLikeQuestion(dc.Input.Text);
        }
    }

    public override async Task RepromptAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var state = dc.ActiveInstance!.State;
        var answers = state[AnswersKey]!.AsObject();
        switch ((string?)state[ModeKey])
        {
            case "summary":
                await SendSummaryAsync(dc, state, answers, cancellationToken);
                break;
            case "card":
                await dc.SendAsync($"Skjemaet «{Title(state[ContextKey])}» venter fortsatt på deg over. Skriv «avbryt» for å avbryte.", cancellationToken);
                break;
            default:
                if (CurrentField(state) is { } field) await AskAsync(dc, field, answers, null, cancellationToken);
                break;
        }
    }

    public override string? Help(DialogContext dc)
    {
        var state = dc.ActiveInstance!.State;
        return (string?)state[ModeKey] switch
        {
            "summary" => "Skriv «send» for å sende, eller nummeret på svaret du vil endre.",
            "text" => CurrentField(state)?.Prompt.Help is { } help
                ? help + " Skriv «behold» for å beholde et tidligere svar."
                : "Skriv «behold» for å beholde et tidligere svar.",
            _ => "Fyll ut skjemaet og trykk «" + SendTitle + "». Du kan også skrive svarene ett og ett her i chatten.",
        };
    }

    /// <summary>
    /// "behold" keeps a pre-filled answer; so does "ok", which people type to mean "that is still right" —
    /// except on a yes/no question, where "ok" is a yes.
    /// </summary>
    private static bool WantsToKeep(DialogContext dc, FormField field, JsonObject answers) =>
        answers[field.Prompt.Id] is not null
        && (dc.Input.IsCommand(KeepWords) || (field.Prompt.Kind != PromptKind.YesNo && dc.Input.IsCommand("ok", "okei", "stemmer")));

    private bool IsOurs(UserInput input) => input.CardString("form") == Form.Id;

    private async Task<DialogTurnStatus> AcceptCardAsync(DialogContext dc, JsonObject state, JsonObject submitted, CancellationToken cancellationToken)
    {
        var answers = new JsonObject();
        var errors = new Dictionary<string, string>();
        foreach (var field in Form.Fields)
        {
            // Visibility follows the answers read so far, in the declared order.
            if (!field.IsVisible(answers)) continue;
            var result = AnswerRecognizer.RecognizeSubmitted(field.Prompt, submitted[field.Prompt.Id], dc.Clock);
            if (!result.Ok) errors[field.Prompt.Id] = result.Error!;
            else if (result.Value is not null) answers[field.Prompt.Id] = result.Value;
        }
        if (errors.Count == 0 && Form.CrossValidate?.Invoke(answers) is { Count: > 0 } crossErrors)
        {
            foreach (var (id, error) in crossErrors) errors[id] = error;
        }

        if (errors.Count > 0)
        {
            // Keep what the user typed, valid or not, so nothing is lost when the card comes back.
            var shown = new JsonObject();
            foreach (var (id, value) in submitted)
            {
                if (Form.Find(id) is { } field)
                {
                    shown[id] = answers[id]?.DeepClone() ?? (field.Prompt.Kind == PromptKind.Text ? value?.DeepClone() : null);
                }
            }
            state[AnswersKey] = shown;
            await SendFormCardAsync(dc, state, shown, errors, cancellationToken);
            return DialogTurnStatus.Waiting;
        }

        state[AnswersKey] = answers;
        await SendSummaryAsync(dc, state, answers, cancellationToken);
        return DialogTurnStatus.Waiting;
    }

    private async Task<DialogTurnStatus> ContinueTextAsync(DialogContext dc, JsonObject state, JsonObject answers, CancellationToken cancellationToken)
    {
        if (CurrentField(state) is not { } field)
        {
            await AskNextAsync(dc, state, after: null, cancellationToken);
            return DialogTurnStatus.Waiting;
        }

        var id = field.Prompt.Id;
        if (!WantsToKeep(dc, field, answers))
        {
            var result = AnswerRecognizer.Recognize(field.Prompt, dc.Input.Text, dc.Clock);
            if (!result.Ok)
            {
                await AskAsync(dc, field, answers, result.Error, cancellationToken);
                return DialogTurnStatus.Waiting;
            }
            if (result.Value is null) answers.Remove(id);
            else answers[id] = result.Value;
        }

        if ((bool?)state[EditingKey] == true)
        {
            state.Remove(EditingKey);
            // A changed answer can make a later field relevant that has no answer yet.
            if (FirstMissing(answers) is { } missing)
            {
                state[CurrentKey] = missing.Prompt.Id;
                await AskAsync(dc, missing, answers, null, cancellationToken);
                return DialogTurnStatus.Waiting;
            }
            await SendSummaryAsync(dc, state, answers, cancellationToken);
            return DialogTurnStatus.Waiting;
        }

        await AskNextAsync(dc, state, after: id, cancellationToken);
        return DialogTurnStatus.Waiting;
    }

    private async Task<DialogTurnStatus> ContinueSummaryAsync(DialogContext dc, JsonObject state, JsonObject answers, CancellationToken cancellationToken)
    {
        if (dc.Input.IsCommand(SendWords)) return await CompleteAsync(dc, state, cancellationToken);

        var visible = Form.Visible(answers).ToList();
        if (int.TryParse(dc.Input.Normalized, out var number) && number >= 1 && number <= visible.Count)
        {
            var field = visible[number - 1];
            state[ModeKey] = "text";
            state[CurrentKey] = field.Prompt.Id;
            state[EditingKey] = true;
            await AskAsync(dc, field, answers, null, cancellationToken);
            return DialogTurnStatus.Waiting;
        }

        await dc.SendAsync($"Skriv «send» for å sende, et nummer fra 1 til {visible.Count} for å endre et svar, eller «avbryt».", cancellationToken);
        return DialogTurnStatus.Waiting;
    }

    private async Task<DialogTurnStatus> CompleteAsync(DialogContext dc, JsonObject state, CancellationToken cancellationToken)
    {
        var answers = state[AnswersKey]!.AsObject();
        // The card may have been sent with errors or without the summary step; never store an invalid form.
        if (FirstMissing(answers) is { } missing)
        {
            state[ModeKey] = "text";
            state[CurrentKey] = missing.Prompt.Id;
            await AskAsync(dc, missing, answers, "Dette må besvares før du kan sende.", cancellationToken);
            return DialogTurnStatus.Waiting;
        }
        var clean = new JsonObject();
        foreach (var field in Form.Visible(answers))
        {
            if (answers[field.Prompt.Id] is { } value) clean[field.Prompt.Id] = value.DeepClone();
        }
        return await OnCompletedAsync(dc, clean, state[ContextKey], cancellationToken);
    }

    private FormField? FirstMissing(JsonObject answers) =>
        Form.Visible(answers).FirstOrDefault(f => f.Prompt.Required && answers[f.Prompt.Id] is null)
        ?? (Form.CrossValidate?.Invoke(answers) is { Count: > 0 } errors ? Form.Find(errors.Keys.First()) : null);

    private FormField? CurrentField(JsonObject state) => (string?)state[CurrentKey] is { } id ? Form.Find(id) : null;

    private async Task AskNextAsync(DialogContext dc, JsonObject state, string? after, CancellationToken cancellationToken)
    {
        var answers = state[AnswersKey]!.AsObject();
        var visible = Form.Visible(answers).ToList();
        var start = after is null ? 0 : visible.FindIndex(f => f.Prompt.Id == after) + 1;
        if (start < visible.Count)
        {
            var next = visible[start];
            state[CurrentKey] = next.Prompt.Id;
            await AskAsync(dc, next, answers, null, cancellationToken);
            return;
        }
        if (Form.CrossValidate?.Invoke(answers) is { Count: > 0 } errors && Form.Find(errors.Keys.First()) is { } wrong)
        {
            state[CurrentKey] = wrong.Prompt.Id;
            await AskAsync(dc, wrong, answers, errors[wrong.Prompt.Id], cancellationToken);
            return;
        }
        await SendSummaryAsync(dc, state, answers, cancellationToken);
    }

    private Task AskAsync(DialogContext dc, FormField field, JsonObject answers, string? error, CancellationToken cancellationToken)
    {
        var visible = Form.Visible(answers).ToList();
        var position = visible.IndexOf(field) + 1;
        var text = PromptRenderer.AsText(field.Prompt, error, answers[field.Prompt.Id]);
        if (answers[field.Prompt.Id] is not null) text += "\nSkriv «behold» eller «ok» for å beholde svaret.";
        return dc.SendAsync($"({position}/{visible.Count}) {text}", cancellationToken);
    }

    private Task SendFormCardAsync(DialogContext dc, JsonObject state, JsonObject answers, IReadOnlyDictionary<string, string>? errors, CancellationToken cancellationToken)
    {
        var context = state[ContextKey];
        var fields = new JsonArray();
        foreach (var field in Form.Fields)
        {
            var data = PromptRenderer.Field(field.Prompt with { Required = field.Prompt.Required && field.ShowIf is null }, answers[field.Prompt.Id], errors?.GetValueOrDefault(field.Prompt.Id), allowButtons: false);
            if (field.ShowIfText is { } condition) data["label"] = $"{field.Prompt.Question} ({condition})";
            fields.Add(data);
        }
        var card = new JsonObject
        {
            ["title"] = Title(context),
            ["intro"] = Intro(context) ?? "",
            ["errorSummary"] = errors is { Count: > 0 } ? "Noen svar må rettes – se merknadene under." : "",
            ["fields"] = fields,
            ["actions"] = new JsonArray(
                PromptRenderer.Action("Gå videre", new JsonObject { ["action"] = SubmitAction, ["form"] = Form.Id }),
                PromptRenderer.Action("Avbryt", new JsonObject { ["action"] = CardActions.Cancel })),
        };
        return dc.SendAsync(MessageFactory.Attachment(dc.Prompts.Cards.Render(PromptRenderer.FormTemplate, card)), cancellationToken);
    }

    private Task SendSummaryAsync(DialogContext dc, JsonObject state, JsonObject answers, CancellationToken cancellationToken)
    {
        state[ModeKey] = "summary";
        state.Remove(CurrentKey);
        var context = state[ContextKey];
        var visible = Form.Visible(answers).ToList();
        if (dc.CardsSupported)
        {
            var card = new JsonObject
            {
                ["title"] = "Oppsummering: " + Title(context),
                ["intro"] = "Se over svarene. Du kan endre før du sender.",
                ["facts"] = new JsonArray(visible.Select(f => (JsonNode)new JsonObject
                {
                    ["title"] = f.Prompt.Question,
                    ["value"] = f.Prompt.Display(answers[f.Prompt.Id]),
                }).ToArray()),
                ["actions"] = new JsonArray(
                    PromptRenderer.Action(SendTitle, new JsonObject { ["action"] = SendAction, ["form"] = Form.Id }),
                    PromptRenderer.Action("Endre", new JsonObject { ["action"] = EditAction, ["form"] = Form.Id }),
                    PromptRenderer.Action("Avbryt", new JsonObject { ["action"] = CardActions.Cancel })),
            };
            return dc.SendAsync(MessageFactory.Attachment(dc.Prompts.Cards.Render("summary", card)), cancellationToken);
        }

        var text = new StringBuilder().Append("**Oppsummering: ").Append(Title(context)).AppendLine("**");
        for (var i = 0; i < visible.Count; i++)
        {
            text.Append(i + 1).Append(". ").Append(visible[i].Prompt.Question).Append(": ").AppendLine(visible[i].Prompt.Display(answers[visible[i].Prompt.Id]));
        }
        text.Append("\nSkriv «send» for å sende, nummeret på et svar for å endre det, eller «avbryt».");
        return dc.SendAsync(text.ToString(), cancellationToken);
    }
}
