using System.Text;
using System.Text.Json.Nodes;
using LhlBot.Conversations.Dialogs;
using LhlBot.Protocol;
using LhlBot.Protocol.Cards;

namespace LhlBot.Conversations.Prompts;

/// <summary>
/// Renders declared prompts: as the form card (cards/form.json) where cards are shown, and as plain text
/// with numbered choices elsewhere. A single prompt is a form with one field.
/// </summary>
internal sealed class PromptRenderer(CardTemplateLibrary cards)
{
    public const string FormTemplate = "form";

    /// <summary>The action of a single prompt's card (its answer buttons and «Svar»).</summary>
    public const string PromptAction = "prompt";

    /// <summary>Single choices with at most this many options become one-click buttons on the card.</summary>
    private const int MaxButtons = 6;

    public CardTemplateLibrary Cards { get; } = cards;

    /// <summary>Asks one prompt: a card with the field (or buttons), or text; with an error line when re-asking.</summary>
    public Task AskAsync(DialogContext dc, Prompt prompt, string? error = null, JsonNode? current = null, CancellationToken cancellationToken = default)
    {
        if (!dc.CardsSupported)
        {
            return dc.SendAsync(AsText(prompt, error, current), cancellationToken);
        }
        var field = Field(prompt, current, error, allowButtons: true);
        var submit = new JsonObject { ["action"] = PromptAction, ["prompt"] = prompt.Id };
        var card = new JsonObject
        {
            ["title"] = "",
            ["intro"] = "",
            ["errorSummary"] = "",
            ["fields"] = new JsonArray(field),
            ["actions"] = (bool)field["buttons"]! ? new JsonArray() : new JsonArray(Action("Svar", submit)),
        };
        var activity = MessageFactory.Attachment(Cards.Render(FormTemplate, card));
        return dc.SendAsync(activity, cancellationToken);
    }

    /// <summary>Data for one field of the form template.</summary>
    public static JsonObject Field(Prompt prompt, JsonNode? current, string? error, bool allowButtons)
    {
        var buttons = allowButtons && (prompt.Kind == PromptKind.YesNo || (prompt.Kind == PromptKind.Choice && prompt.Choices.Count <= MaxButtons));
        var choices = prompt.Kind == PromptKind.YesNo
            ? [new Choice("true", "Ja"), new Choice("false", "Nei")]
            : prompt.Choices;
        return new JsonObject
        {
            ["id"] = prompt.Id,
            ["label"] = prompt.Question,
            ["help"] = prompt.Help ?? "",
            ["error"] = error ?? "",
            ["kind"] = KindName(prompt.Kind),
            ["buttons"] = buttons,
            ["isRequired"] = prompt.Required,
            ["maxLength"] = prompt.MaxLength,
            ["placeholder"] = prompt.Placeholder ?? "",
            ["value"] = CardValue(prompt, current),
            ["choices"] = new JsonArray(choices.Select(c => (JsonNode)new JsonObject { ["title"] = ChoiceTitle(c), ["value"] = c.Value }).ToArray()),
            ["buttonChoices"] = buttons
                ? new JsonArray(choices.Select(c => (JsonNode)Action(c.Title, new JsonObject { ["action"] = PromptAction, ["prompt"] = prompt.Id, [prompt.Id] = c.Value })).ToArray())
                : new JsonArray(),
        };
    }

    public static JsonObject Action(string title, JsonObject data) => new() { ["title"] = title, ["data"] = data };

    /// <summary>The prompt as plain text: the question, its help, numbered choices and how to answer.</summary>
    public static string AsText(Prompt prompt, string? error = null, JsonNode? current = null)
    {
        var text = new StringBuilder();
        if (error is not null) text.Append("⚠️ ").AppendLine(error).AppendLine();
        text.Append("**").Append(prompt.Question).AppendLine("**");
        if (prompt.Help is not null) text.Append('_').Append(prompt.Help).AppendLine("_");
        var number = 1;
        foreach (var choice in prompt.Kind == PromptKind.YesNo ? [] : prompt.Choices)
        {
            text.Append(number++).Append(". ").AppendLine(ChoiceTitle(choice));
        }
        if (current is not null) text.Append("Nå: ").AppendLine(prompt.Display(current));
        text.Append(prompt.Kind switch
        {
            PromptKind.Choice => "Svar med nummeret eller navnet.",
            PromptKind.MultiChoice => "Du kan velge flere: skriv for eksempel «1, 3».",
            PromptKind.YesNo => "Svar «ja» eller «nei».",
            PromptKind.Date => "Skriv datoen, for eksempel 15.03.2026.",
            _ => "",
        });
        if (!prompt.Required) text.Append(prompt.Kind == PromptKind.Text ? "Skriv «-» for å hoppe over." : " Skriv «-» for å hoppe over.");
        return text.ToString().TrimEnd();
    }

    private static string ChoiceTitle(Choice choice) =>
        choice.Description is null ? choice.Title : $"{choice.Title} – {choice.Description}";

    private static string KindName(PromptKind kind) => kind switch
    {
        PromptKind.Choice => "choice",
        PromptKind.MultiChoice => "multi",
        PromptKind.YesNo => "yesno",
        PromptKind.Date => "date",
        _ => "text",
    };

    /// <summary>An answer as the card input's value (ChoiceSet: "a,b"; yes/no: "true").</summary>
    private static string CardValue(Prompt prompt, JsonNode? current) => current switch
    {
        null => "",
        JsonArray values => string.Join(",", values.Select(v => (string?)v)),
        JsonValue v when prompt.Kind == PromptKind.YesNo => v.GetValue<bool>() ? "true" : "false",
        _ => (string?)current ?? "",
    };
}
