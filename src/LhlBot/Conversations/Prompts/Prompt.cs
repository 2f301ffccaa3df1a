using System.Text.Json.Nodes;

namespace LhlBot.Conversations.Prompts;

internal enum PromptKind
{
    /// <summary>One of the choices; the answer is the choice's value.</summary>
    Choice,
    /// <summary>One or more of the choices; the answer is an array of values.</summary>
    MultiChoice,
    Text,
    /// <summary>A calendar date; the answer is "yyyy-MM-dd".</summary>
    Date,
    /// <summary>Ja/nei; the answer is a boolean.</summary>
    YesNo,
}

/// <summary>One choice of a list. <see cref="Value"/> is stored; <see cref="Title"/> is shown and can be typed.</summary>
internal sealed record Choice(string Value, string Title, string? Description = null)
{
    /// <summary>Other words a user may type for this choice (nynorsk forms, abbreviations).</summary>
    public IReadOnlyList<string> Synonyms { get; init; } = [];
}

/// <summary>
/// A question declared once: it drives the Adaptive Card input, the plain-text prompt with numbered choices,
/// and the validation of both typed and submitted answers.
/// </summary>
internal sealed record Prompt(string Id, PromptKind Kind, string Question)
{
    /// <summary>One line that explains the question; shown on the card and by "hjelp".</summary>
    public string? Help { get; init; }

    public IReadOnlyList<Choice> Choices { get; init; } = [];

    public bool Required { get; init; } = true;

    public int MaxLength { get; init; } = 2000;

    public string? Placeholder { get; init; }

    /// <summary>Dates outside this range are refused (inclusive).</summary>
    public DateOnly? MinDate { get; init; }
    public DateOnly? MaxDate { get; init; }

    /// <summary>A further rule on a recognised answer: returns a Norwegian error message, or null when it is fine.</summary>
    public Func<JsonNode, string?>? Validate { get; init; }

    public bool HasChoices => Kind is PromptKind.Choice or PromptKind.MultiChoice;

    public Choice? FindChoice(string? value) => Choices.FirstOrDefault(c => c.Value == value);

    /// <summary>The answer as a person reads it ("Ja", "Mat og måltider, Helsehjelp", "15.03.2026").</summary>
    public string Display(JsonNode? answer)
    {
        if (answer is null) return "–";
        return Kind switch
        {
            PromptKind.Choice => FindChoice((string?)answer)?.Title ?? (string?)answer ?? "–",
            PromptKind.MultiChoice => answer is JsonArray values && values.Count > 0
                ? string.Join(", ", values.Select(v => FindChoice((string?)v)?.Title ?? (string?)v))
                : "–",
            PromptKind.YesNo => answer.GetValue<bool>() ? "Ja" : "Nei",
            PromptKind.Date => DateOnly.TryParse((string?)answer, System.Globalization.CultureInfo.InvariantCulture, out var d)
                ? d.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture) : (string?)answer ?? "–",
            _ => string.IsNullOrWhiteSpace((string?)answer) ? "–" : (string)answer!,
        };
    }
}
