using System.Text.Json.Nodes;
using LhlBot.Conversations.Prompts;

namespace LhlBot.Conversations.Forms;

/// <summary>A field of a form: a prompt, shown only when <see cref="ShowIf"/> holds for the answers so far.</summary>
internal sealed record FormField(Prompt Prompt)
{
    public Func<JsonObject, bool>? ShowIf { get; init; }

    /// <summary>How the condition reads to a person, shown on the card where all fields are visible at once.</summary>
    public string? ShowIfText { get; init; }

    public bool IsVisible(JsonObject answers) => ShowIf?.Invoke(answers) ?? true;
}

/// <summary>A form: its fields in order and the rules that span several fields.</summary>
internal sealed record FormDefinition(string Id, IReadOnlyList<FormField> Fields)
{
    /// <summary>Rules across fields: returns errors by field id (Norwegian messages).</summary>
    public Func<JsonObject, IReadOnlyDictionary<string, string>>? CrossValidate { get; init; }

    public IEnumerable<FormField> Visible(JsonObject answers) => Fields.Where(f => f.IsVisible(answers));

    public FormField? Find(string id) => Fields.FirstOrDefault(f => f.Prompt.Id == id);
}
