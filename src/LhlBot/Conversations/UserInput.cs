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
    public string? Action => CardValue?["action"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)CardValue["action"] : null;

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

    public bool IsCommand(params string[] words) => words.Any(w => Normalized == TextMatching.Normalize(w));
}
