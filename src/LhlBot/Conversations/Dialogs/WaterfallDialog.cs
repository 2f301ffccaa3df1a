using System.Text.Json.Nodes;
using LhlBot.Conversations.Prompts;

namespace LhlBot.Conversations.Dialogs;

internal delegate Task<DialogTurnStatus> WaterfallStep(WaterfallStepContext step, CancellationToken cancellationToken);

/// <summary>
/// A dialog of steps run in order, as Bot Builder's WaterfallDialog. A step may ask a <see cref="Prompt"/>;
/// the answer is recognised (and re-asked with a Norwegian message while invalid) before the next step gets it
/// as <see cref="WaterfallStepContext.Result"/>. Position, values and the pending prompt live in the persisted state.
/// </summary>
internal abstract class WaterfallDialog : Dialog
{
    private const string StepKey = "step";
    private const string ValuesKey = "values";
    private const string PromptKey = "prompt";
    private const string OptionsKey = "options";

    private readonly List<WaterfallStep> steps = [];
    private readonly Dictionary<string, Prompt> prompts = new(StringComparer.Ordinal);

    protected void AddStep(WaterfallStep step) => steps.Add(step);

    /// <summary>Declares a prompt this dialog asks, so its answer can be read in a later turn.</summary>
    protected Prompt Declare(Prompt prompt)
    {
        prompts.Add(prompt.Id, prompt);
        return prompt;
    }

    public override Task<DialogTurnStatus> BeginAsync(DialogContext dc, JsonNode? options, CancellationToken cancellationToken)
    {
        var state = dc.ActiveInstance!.State;
        state[StepKey] = -1;
        state[ValuesKey] = new JsonObject();
        state[OptionsKey] = options?.DeepClone();
        return RunStepAsync(dc, 0, null, cancellationToken);
    }

    public override async Task<DialogTurnStatus> ContinueAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var state = dc.ActiveInstance!.State;
        if (PendingPrompt(state) is not { } prompt)
        {
            return await RunStepAsync(dc, CurrentStep(state) + 1, null, cancellationToken);
        }

        var recognition = Recognize(dc, prompt);
        if (!recognition.Ok)
        {
            await dc.Prompts.AskAsync(dc, prompt, recognition.Error, cancellationToken: cancellationToken);
            return DialogTurnStatus.Waiting;
        }
        state.Remove(PromptKey);
        return await RunStepAsync(dc, CurrentStep(state) + 1, recognition.Value, cancellationToken);
    }

    public override Task<DialogTurnStatus> ResumeAsync(DialogContext dc, JsonNode? result, CancellationToken cancellationToken) =>
        RunStepAsync(dc, CurrentStep(dc.ActiveInstance!.State) + 1, result, cancellationToken);

    public override Task RepromptAsync(DialogContext dc, CancellationToken cancellationToken) =>
        PendingPrompt(dc.ActiveInstance!.State) is { } prompt
            ? dc.Prompts.AskAsync(dc, prompt, cancellationToken: cancellationToken)
            : Task.CompletedTask;

    public override bool Accepts(DialogContext dc) =>
        PendingPrompt(dc.ActiveInstance!.State) is not { } prompt
        || prompt.Kind == PromptKind.Text
        || Recognize(dc, prompt).Ok;

    public override string? Help(DialogContext dc) => PendingPrompt(dc.ActiveInstance!.State)?.Help;

    private static Recognition Recognize(DialogContext dc, Prompt prompt) =>
        dc.Input.CardValue is { } card && card.ContainsKey(prompt.Id)
            ? AnswerRecognizer.RecognizeSubmitted(prompt, card[prompt.Id], dc.Clock)
            : AnswerRecognizer.Recognize(prompt, dc.Input.Text, dc.Clock);

    private Prompt? PendingPrompt(JsonObject state) =>
        state[PromptKey] is JsonValue id && prompts.TryGetValue((string)id!, out var prompt) ? prompt : null;

    private static int CurrentStep(JsonObject state) => (int?)state[StepKey] ?? -1;

    private async Task<DialogTurnStatus> RunStepAsync(DialogContext dc, int index, JsonNode? result, CancellationToken cancellationToken)
    {
        if (index >= steps.Count) return await dc.EndDialogAsync(result, cancellationToken);
        var state = dc.ActiveInstance!.State;
        state[StepKey] = index;
        var step = new WaterfallStepContext(this, dc, state[ValuesKey]!.AsObject(), state[OptionsKey], result, index);
        return await steps[index](step, cancellationToken);
    }

    internal async Task<DialogTurnStatus> PromptAsync(DialogContext dc, Prompt prompt, JsonNode? current, CancellationToken cancellationToken)
    {
        if (!prompts.ContainsKey(prompt.Id)) throw new InvalidOperationException($"Prompt '{prompt.Id}' is not declared in dialog '{Id}'.");
        dc.ActiveInstance!.State[PromptKey] = prompt.Id;
        await dc.Prompts.AskAsync(dc, prompt, current: current, cancellationToken: cancellationToken);
        return DialogTurnStatus.Waiting;
    }

    internal Task<DialogTurnStatus> NextAsync(DialogContext dc, JsonNode? result, CancellationToken cancellationToken) =>
        RunStepAsync(dc, CurrentStep(dc.ActiveInstance!.State) + 1, result, cancellationToken);

    /// <summary>Runs a step again (e.g. "show more times") without advancing.</summary>
    internal Task<DialogTurnStatus> GoToAsync(DialogContext dc, int index, JsonNode? result, CancellationToken cancellationToken) =>
        RunStepAsync(dc, index, result, cancellationToken);
}

/// <summary>What a waterfall step sees: the previous answer, the dialog's values and options.</summary>
internal sealed class WaterfallStepContext(WaterfallDialog dialog, DialogContext dc, JsonObject values, JsonNode? options, JsonNode? result, int index)
{
    public DialogContext Dialogs { get; } = dc;
    public JsonObject Values { get; } = values;
    public JsonNode? Options { get; } = options;
    /// <summary>The answer to the previous step's prompt, or a child dialog's result.</summary>
    public JsonNode? Result { get; } = result;
    public int Index { get; } = index;

    public Task<DialogTurnStatus> PromptAsync(Prompt prompt, CancellationToken cancellationToken, JsonNode? current = null) =>
        dialog.PromptAsync(Dialogs, prompt, current, cancellationToken);

    public Task<DialogTurnStatus> NextAsync(JsonNode? result, CancellationToken cancellationToken) =>
        dialog.NextAsync(Dialogs, result, cancellationToken);

    public Task<DialogTurnStatus> GoToAsync(int stepIndex, JsonNode? result, CancellationToken cancellationToken) =>
        dialog.GoToAsync(Dialogs, stepIndex, result, cancellationToken);

    public Task<DialogTurnStatus> EndAsync(JsonNode? result, CancellationToken cancellationToken) =>
        Dialogs.EndDialogAsync(result, cancellationToken);

    public Task<DialogTurnStatus> BeginDialogAsync(string dialogId, JsonNode? options, CancellationToken cancellationToken) =>
        Dialogs.BeginDialogAsync(dialogId, options, cancellationToken);

    /// <summary>Waits for the next message without a declared prompt (the next step reads the raw input).</summary>
    public static DialogTurnStatus Wait() => DialogTurnStatus.Waiting;
}
