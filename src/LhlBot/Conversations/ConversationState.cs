using System.Text.Json.Nodes;

namespace LhlBot.Conversations;

/// <summary>What a conversation remembers between turns; serialised into <see cref="ConversationRecord.StateJson"/>.</summary>
internal sealed class ConversationState
{
    /// <summary>Active dialogs, innermost last.</summary>
    public List<DialogInstance> Stack { get; set; } = [];

    /// <summary>Conversation-wide values that outlive a dialog (the last question, for follow-ups).</summary>
    public JsonObject Memory { get; set; } = [];
}

/// <summary>One dialog on the stack: which dialog, and its own state.</summary>
internal sealed class DialogInstance
{
    public required string Id { get; init; }

    /// <summary>This instance's own key, carried by every card action the dialog sends, so a press on a card of an
    /// ended (or another) instance is recognised as such and never taken as input. Null in states saved before keys.</summary>
    public string? Key { get; init; }

    public JsonObject State { get; set; } = [];

    /// <summary>Who started the dialog (object id, else channel user id); in a group chat only they answer or cancel it.</summary>
    public string? Owner { get; init; }

    /// <summary>The starter's display name, to tell others whose dialog it is.</summary>
    public string? OwnerName { get; init; }
}
