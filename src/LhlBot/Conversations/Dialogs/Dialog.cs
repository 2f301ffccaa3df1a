using System.Text.Json.Nodes;

namespace LhlBot.Conversations.Dialogs;

internal enum DialogTurnStatus
{
    /// <summary>No dialog was active.</summary>
    Empty,
    /// <summary>The active dialog waits for the user's next message.</summary>
    Waiting,
    /// <summary>The dialog stack ended this turn.</summary>
    Complete,
    Cancelled,
}

/// <summary>
/// A conversation step that can span turns, as in Bot Builder's Dialogs: it keeps its own state in
/// <see cref="DialogInstance.State"/> (persisted JSON), never in fields, so it survives a restart.
/// </summary>
internal abstract class Dialog
{
    public abstract string Id { get; }

    public abstract Task<DialogTurnStatus> BeginAsync(DialogContext dc, JsonNode? options, CancellationToken cancellationToken);

    public abstract Task<DialogTurnStatus> ContinueAsync(DialogContext dc, CancellationToken cancellationToken);

    /// <summary>A child dialog ended with a result.</summary>
    public virtual Task<DialogTurnStatus> ResumeAsync(DialogContext dc, JsonNode? result, CancellationToken cancellationToken) =>
        dc.EndDialogAsync(result, cancellationToken);

    /// <summary>Asks again what the dialog is waiting for (after "hjelp" or a question in between).</summary>
    public virtual Task RepromptAsync(DialogContext dc, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Whether this turn's input is an answer the dialog can take. The router asks before continuing, so that
    /// a question typed in the middle of a dialog is answered instead of being refused as a bad answer.
    /// </summary>
    public virtual bool Accepts(DialogContext dc) => true;

    /// <summary>What "hjelp" says about the current step, if anything.</summary>
    public virtual string? Help(DialogContext dc) => null;

    private static readonly string[] PromptActions = [Prompts.PromptRenderer.PromptAction, CardActions.Cancel];

    /// <summary>
    /// The card actions this dialog's cards carry and it alone reads. Cards sent while it is active mark these with
    /// the instance's key; a press whose key is not the active instance's is refused and stores nothing.
    /// </summary>
    public virtual IReadOnlyCollection<string> OwnActions => PromptActions;

    /// <summary>Actions that leave the form without its inputs (never validated, never sent): «Avbryt», «Tilbake».</summary>
    public virtual bool LeavesForm(string action) => action == CardActions.Cancel;

    /// <summary>The menu action that starts this dialog afresh, offered when a press on an ended instance arrives.</summary>
    public virtual string? RestartAction => null;
}
