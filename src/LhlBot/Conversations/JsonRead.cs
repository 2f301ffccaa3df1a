using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LhlBot.Conversations;

/// <summary>
/// Reads values from JSON that came from outside (card submissions, old conversation state) without casts that
/// throw: a value of the wrong type reads as null, and the caller answers the user in Norwegian.
/// </summary>
internal static class JsonRead
{
    public static string? String(JsonNode? node) => node is JsonValue value ? value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.Number => value.ToJsonString(),
        _ => null,
    } : null;

    public static int? Int(JsonNode? node) => node is JsonValue value ? value.GetValueKind() switch
    {
        JsonValueKind.Number => value.TryGetValue<int>(out var n) ? n
            : value.TryGetValue<double>(out var d) && d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue ? (int)d : null,
        JsonValueKind.String => int.TryParse(value.GetValue<string>().Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
        _ => null,
    } : null;

    public static bool? Bool(JsonNode? node) => node is JsonValue value ? value.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => value.GetValue<string>().Trim().ToLowerInvariant() switch { "true" => true, "false" => false, _ => null },
        _ => null,
    } : null;
}
