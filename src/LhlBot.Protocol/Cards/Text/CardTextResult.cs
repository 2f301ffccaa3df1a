using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace LhlBot.Protocol.Cards;

/// <summary>
/// An Adaptive Card as plain text, with the card's buttons and inputs listed in the order they appear, so a
/// terminal client can map the number a user types back to the action (and its data) and collect input values.
/// </summary>
public sealed record CardTextResult(string Text, IReadOnlyList<CardTextAction> Actions, IReadOnlyList<CardTextInput> Inputs)
{
    /// <summary>The action shown as "[number]" in <see cref="Text"/> (numbers start at 1).</summary>
    public bool TryGetAction(int number, [NotNullWhen(true)] out CardTextAction? action)
    {
        action = number >= 1 && number <= Actions.Count ? Actions[number - 1] : null;
        return action is not null;
    }
}

/// <summary>
/// A button. <see cref="Data"/> is the Action.Submit/Action.Execute data (a copy), <see cref="Verb"/> the
/// Action.Execute verb, <see cref="Url"/> the Action.OpenUrl address; an Action.ShowCard has none of them
/// (its card is shown inline below the buttons).
/// </summary>
public sealed record CardTextAction(int Number, string Type, string Title, string? Id, JsonNode? Data, string? Verb, string? Url);

/// <summary>
/// An input field. <see cref="Kind"/> is the part after "Input." in lower case: text, number, date, time, toggle
/// or choiceset. <see cref="Value"/> is the initial value as text.
/// </summary>
public sealed record CardTextInput(
    string Id,
    string Label,
    string Kind,
    bool IsRequired,
    bool IsMultiSelect,
    string? Value,
    string? Placeholder,
    IReadOnlyList<CardTextChoice> Choices);

/// <summary>A choice of an Input.ChoiceSet, numbered from 1 as shown in the text.</summary>
public sealed record CardTextChoice(int Number, string Title, string Value);
