using System.Text.Json;
using System.Text.Json.Serialization;

namespace LhlBot.Knowledge.Evaluation;

/// <summary>One line of a question file in the dev-set format.</summary>
internal sealed record EvalQuestion(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("doc")] string? Doc,
    [property: JsonPropertyName("expect")] string[]? Expect,
    [property: JsonPropertyName("kind")] string? Kind,
    [property: JsonPropertyName("previous")] string? Previous = null)
{
    internal bool IsUnanswerable => Kind == "unanswerable" || Expect is null || Expect.Length == 0;

    internal static List<EvalQuestion> ReadFile(string path) =>
        File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => JsonSerializer.Deserialize<EvalQuestion>(l) ?? throw new InvalidDataException($"Ugyldig linje: {l}"))
            .ToList();
}
