using System.Text.Json.Nodes;

namespace LhlBot.Conversations.Prompts;

/// <summary>The outcome of reading an answer: a value, "no answer" (an optional field left empty), or a Norwegian error.</summary>
internal readonly record struct Recognition(bool Ok, JsonNode? Value, string? Error)
{
    public static Recognition Success(JsonNode? value) => new(true, value, null);
    public static Recognition Empty => new(true, null, null);
    public static Recognition Fail(string error) => new(false, null, error);
}
