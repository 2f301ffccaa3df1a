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
    public JsonObject State { get; set; } = [];
}
