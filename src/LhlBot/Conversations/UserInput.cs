using System.Text.Json.Nodes;
using LhlBot.Protocol;

namespace LhlBot.Conversations;

/// <summary>What the user said this turn: typed text (mentions removed) and/or the data of a submitted card.</summary>
internal sealed class UserInput
{
    public UserInput(string? text, JsonObject? cardValue)
    {
        Text = (text ?? "").Trim();
        CardValue = cardValue;
        Normalized = TextMatching.Normalize(Text);
    }

    public string Text { get; }

    /// <summary>The text folded for matching: lower case, æøå as ae/o/aa, punctuation and extra spaces removed.</summary>
    public string Normalized { get; }

    public JsonObject? CardValue { get; }

    public bool IsEmpty => Text.Length == 0 && CardValue is null;

    /// <summary>The "action" a card button carries (our convention: data.action), if any.</summary>
    public string? Action => CardString("action");

    /// <summary>A card field as text; null when it is missing or not a string or number (never an exception: card data is the user's).</summary>
    public string? CardString(string key) => JsonRead.String(CardValue?[key]);

    /// <summary>A card field as a whole number (JSON number or digits in a string); null otherwise.</summary>
    public int? CardInt(string key) => JsonRead.Int(CardValue?[key]);

    /// <summary>A card field as true/false (JSON boolean or "true"/"false", as Input.Toggle sends it); null otherwise.</summary>
    public bool? CardBool(string key) => JsonRead.Bool(CardValue?[key]);

    public static UserInput From(Activity activity)
    {
        var text = activity.RemoveRecipientMention() ?? activity.Text;
        JsonObject? value = activity.Value as JsonObject;
        // Universal Actions (adaptiveCard/action invoke) carry the button's data in value.action.data.
        if (activity.Type == ActivityTypes.Invoke && value?["action"]?["data"] is JsonObject data)
        {
            value = data;
        }
        return new UserInput(text, value);
    }

    /// <summary>
    /// True when the input is one of the words (folded). A word that folds to nothing («👍», «👎») must be typed as
    /// written: «🙂», «?» or a card press with no text never match it.
    /// </summary>
    public bool IsCommand(params string[] words) => words.Any(w =>
        TextMatching.Normalize(w) is { Length: > 0 } folded ? Normalized == folded : Text.Length > 0 && Text == w.Trim());

    /// <summary>The dialog instance a pressed card action belongs to (<see cref="DialogInstance.Key"/>), if it carries one.</summary>
    public string? DialogKey => CardValue?[CardActions.DialogKey] is JsonValue v && v.TryGetValue<string>(out var key) ? key : null;

    /// <summary>The same input with other card data: a typed request or a numbered menu choice run as the action it stands for.</summary>
    public UserInput As(JsonObject cardValue) => new("", cardValue);
}
