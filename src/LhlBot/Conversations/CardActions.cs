using System.Text.Json.Nodes;
using LhlBot.Protocol;

namespace LhlBot.Conversations;

/// <summary>
/// What every card the bot sends gets on its way out: the actions that belong to the active dialog carry that
/// dialog instance's key (so a press on an ended form is recognised and stores nothing), and actions that leave
/// a form — «Avbryt», «Tilbake» — never validate or send the form's inputs (<c>associatedInputs: "none"</c>).
/// </summary>
internal static class CardActions
{
    /// <summary>The card-data field that names the dialog instance an action belongs to.</summary>
    public const string DialogKey = "dialog";

    /// <summary>The card-data field that names the dialog (its id), so an ended one can be offered again.</summary>
    public const string DialogIdKey = "dialogId";

    /// <summary>The action that cancels whatever is active («Avbryt»).</summary>
    public const string Cancel = "cancel";

    /// <param name="ownsAction">Whether an action name belongs to the dialog that is active while the card is sent.</param>
    public static void Prepare(Activity activity, DialogInstance? active, Func<string, bool> ownsAction, Func<string, bool> leavesForm)
    {
        foreach (var attachment in activity.Attachments ?? [])
        {
            if (attachment.ContentType != ContentTypes.AdaptiveCard || attachment.Content is not JsonObject card) continue;
            Walk(card, active, ownsAction, leavesForm);
        }
    }

    private static void Walk(JsonNode? node, DialogInstance? active, Func<string, bool> ownsAction, Func<string, bool> leavesForm)
    {
        switch (node)
        {
            case JsonObject obj:
                if ((string?)(obj["type"] as JsonValue) is "Action.Submit" or "Action.Execute" && obj["data"] is JsonObject data
                    && data["action"] is JsonValue a && a.TryGetValue<string>(out var action))
                {
                    if (active?.Key is { } key && ownsAction(action) && !data.ContainsKey(DialogKey))
                    {
                        data[DialogKey] = key;
                        data[DialogIdKey] = active.Id;
                    }
                    if (leavesForm(action)) obj["associatedInputs"] = "none";
                }
                foreach (var (_, child) in obj.ToList()) Walk(child, active, ownsAction, leavesForm);
                break;
            case JsonArray array:
                foreach (var child in array.ToList()) Walk(child, active, ownsAction, leavesForm);
                break;
        }
    }
}
