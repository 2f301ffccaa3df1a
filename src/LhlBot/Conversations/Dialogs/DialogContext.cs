using System.Text.Json.Nodes;
using LhlBot.Conversations.Prompts;
using LhlBot.People;
using LhlBot.Protocol;

namespace LhlBot.Conversations.Dialogs;

/// <summary>The dialog stack of one conversation during one turn, with the ways to answer the user.</summary>
internal sealed class DialogContext(
    ITurnContext context,
    ConversationState state,
    DialogSet dialogs,
    UserInput input,
    PromptRenderer prompts,
    TimeProvider clock,
    Person? user)
{
    /// <summary>Who is talking, with their roles; null for someone the bot does not know. Looked up once per turn.</summary>
    public Person? User { get; } = user;

    public ITurnContext Context { get; } = context;
    public ConversationState State { get; } = state;
    /// <summary>This turn's input; replaced when typed text is run as the card action it stands for (a recognised request, a menu number).</summary>
    public UserInput Input { get; private set; } = input;

    public void ReplaceInput(UserInput replacement) => Input = replacement;

    public DialogSet Dialogs { get; } = dialogs;

    /// <summary>The conversation's turn count (its stored version at the start of this turn): «the turn just before» is this minus one.</summary>
    public long TurnNumber => Context.TurnState.TryGetValue(nameof(ConversationRecord), out var record) && record is ConversationRecord r ? r.Version : 0;
    public PromptRenderer Prompts { get; } = prompts;
    public TimeProvider Clock { get; } = clock;

    /// <summary>Who is speaking, as <see cref="DialogInstance.Owner"/> records it.</summary>
    public static string? SpeakerKey(Activity activity) =>
        activity.From?.AadObjectId is { Length: > 0 } aad ? aad : activity.From?.Id;

    /// <summary>A group chat or a channel: several people share the conversation (and its state).</summary>
    public bool IsGroup => Context.Activity.Conversation?.ConversationType is "groupChat" or "channel" || Context.Activity.Conversation?.IsGroup == true;

    /// <summary>In a group, whether the active dialog was started by someone else than the speaker.</summary>
    public bool BelongsToSomeoneElse => IsGroup && State.Stack.Count > 0 && State.Stack[0].Owner is { } owner && owner != SpeakerKey(Context.Activity);

    public DialogInstance? ActiveInstance => State.Stack.Count > 0 ? State.Stack[^1] : null;

    public Dialog? ActiveDialog => ActiveInstance is { } instance ? Dialogs.Find(instance.Id) : null;

    /// <summary>Whether this channel shows Adaptive Cards (Teams, Web Chat, the emulator) or only text.</summary>
    public bool CardsSupported => ChannelCapabilities.SupportsCards(Context.Activity.ChannelId);

    public async Task<DialogTurnStatus> BeginDialogAsync(string dialogId, JsonNode? options = null, CancellationToken cancellationToken = default)
    {
        var dialog = Dialogs.Get(dialogId);
        var from = Context.Activity.From;
        State.Stack.Add(new DialogInstance
        {
            Id = dialog.Id,
            Key = Guid.NewGuid().ToString("N")[..12],
            Owner = State.Stack.Count > 0 ? State.Stack[0].Owner : SpeakerKey(Context.Activity),
            OwnerName = State.Stack.Count > 0 ? State.Stack[0].OwnerName : from?.Name,
        });
        return await dialog.BeginAsync(this, options, cancellationToken);
    }

    public async Task<DialogTurnStatus> ContinueDialogAsync(CancellationToken cancellationToken = default)
    {
        var dialog = ActiveDialog;
        if (dialog is null)
        {
            // A dialog that no longer exists in this version of the bot: drop it rather than fail every turn.
            if (ActiveInstance is not null) State.Stack.Clear();
            return DialogTurnStatus.Empty;
        }
        return await dialog.ContinueAsync(this, cancellationToken);
    }

    public async Task<DialogTurnStatus> EndDialogAsync(JsonNode? result = null, CancellationToken cancellationToken = default)
    {
        if (State.Stack.Count > 0) State.Stack.RemoveAt(State.Stack.Count - 1);
        var parent = ActiveDialog;
        return parent is null
            ? DialogTurnStatus.Complete
            : await parent.ResumeAsync(this, result, cancellationToken);
    }

    public async Task<DialogTurnStatus> ReplaceDialogAsync(string dialogId, JsonNode? options = null, CancellationToken cancellationToken = default)
    {
        if (State.Stack.Count > 0) State.Stack.RemoveAt(State.Stack.Count - 1);
        return await BeginDialogAsync(dialogId, options, cancellationToken);
    }

    public DialogTurnStatus CancelAll()
    {
        var had = State.Stack.Count > 0;
        State.Stack.Clear();
        return had ? DialogTurnStatus.Cancelled : DialogTurnStatus.Empty;
    }

    public Task RepromptAsync(CancellationToken cancellationToken = default) =>
        ActiveDialog?.RepromptAsync(this, cancellationToken) ?? Task.CompletedTask;

    public Task SendAsync(string text, CancellationToken cancellationToken = default) =>
        Context.SendActivityAsync(MessageFactory.Text(text), cancellationToken);

    /// <summary>Sends an activity; its card actions that belong to the active dialog carry the instance's key (<see cref="CardActions"/>).</summary>
    public Task SendAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        var dialog = ActiveDialog;
        CardActions.Prepare(activity, ActiveInstance,
            action => dialog?.OwnActions.Contains(action) == true,
            action => dialog?.LeavesForm(action) ?? action == CardActions.Cancel);
        return Context.SendActivityAsync(activity, cancellationToken);
    }

    /// <summary>Sends a card where cards are shown, else its plain-text twin.</summary>
    public Task SendCardAsync(string template, object data, string textFallback, CancellationToken cancellationToken = default) =>
        CardsSupported
            ? SendAsync(MessageFactory.Attachment(Prompts.Cards.Render(template, data)), cancellationToken)
            : SendAsync(textFallback, cancellationToken);
}

/// <summary>All dialogs the bot knows, by id; built once from DI.</summary>
internal sealed class DialogSet(IEnumerable<Dialog> dialogs)
{
    private readonly Dictionary<string, Dialog> byId = dialogs.ToDictionary(d => d.Id, StringComparer.Ordinal);

    public Dialog? Find(string id) => byId.GetValueOrDefault(id);

    public Dialog Get(string id) => Find(id) ?? throw new InvalidOperationException($"No dialog with id '{id}' is registered.");

    /// <summary>Whether some dialog reads this card action itself (so it means nothing once that dialog has ended).</summary>
    public bool IsDialogAction(string action) => byId.Values.Any(d => d.OwnActions.Contains(action));
}

internal static class ChannelCapabilities
{
    /// <summary>The terminal chat's channel id; it renders cards as text with numbered choices.</summary>
    public const string Terminal = "terminal";

    /// <summary>Channels that render Adaptive Cards. Everything else (SMS-like channels, "text") gets plain text.</summary>
    private static readonly HashSet<string> CardChannels = new(StringComparer.OrdinalIgnoreCase)
    {
        Channels.Msteams, Channels.Emulator, Channels.Webchat, Channels.Directline, Channels.Test, Terminal,
    };

    public static bool SupportsCards(string? channelId) => channelId is not null && CardChannels.Contains(channelId);
}
