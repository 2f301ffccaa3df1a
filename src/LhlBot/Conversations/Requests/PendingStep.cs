using System.Text.Json.Nodes;
using LhlBot.Conversations.Dialogs;

namespace LhlBot.Conversations.Requests;

/// <summary>
/// What the bot asked for in its last reply outside a dialog, so the next message is read as the answer: «Hvilken
/// kommune …?» answered «Narvik», «Mente du …?» answered «ja», a numbered menu answered «2». Kept in the
/// conversation's memory with the turn it was asked in; it holds for the very next turn only.
/// </summary>
internal static class PendingStep
{
    private const string Key = "pendingStep";

    /// <summary>The next message may be a bare municipality: it is then run as <paramref name="action"/> with the municipality in <paramref name="field"/>.</summary>
    public static void ExpectMunicipality(DialogContext dc, string action, string field) =>
        Set(dc, new JsonObject { ["kind"] = "municipality", ["action"] = action, ["field"] = field });

    /// <summary>«Mente du …?»: «ja» runs <paramref name="yes"/>, «nei» answers <paramref name="question"/> from the documents.</summary>
    public static void ExpectYesNo(DialogContext dc, JsonObject yes, string question) =>
        Set(dc, new JsonObject { ["kind"] = "yesno", ["yes"] = yes.DeepClone(), ["question"] = question });

    /// <summary>A numbered menu: «2» runs the second item's action.</summary>
    public static void ExpectMenuNumber(DialogContext dc, IEnumerable<string> actions) =>
        Set(dc, new JsonObject { ["kind"] = "menu", ["actions"] = new JsonArray(actions.Select(a => (JsonNode)JsonValue.Create(a)!).ToArray()) });

    /// <summary>What was asked in the turn just before this one, if anything; cleared once read.</summary>
    public static JsonObject? Take(DialogContext dc)
    {
        var pending = dc.State.Memory[Key] as JsonObject;
        dc.State.Memory.Remove(Key);
        return pending is not null && (long?)pending["turn"] + 1 == dc.TurnNumber ? pending : null;
    }

    private static void Set(DialogContext dc, JsonObject step)
    {
        step["turn"] = dc.TurnNumber;
        dc.State.Memory[Key] = step;
    }
}
