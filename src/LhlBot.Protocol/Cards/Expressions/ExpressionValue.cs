using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LhlBot.Protocol.Cards.Expressions;

/// <summary>The value of a path that does not exist (distinct from JSON null, as in JavaScript).</summary>
internal sealed class Undefined
{
    public static Undefined Value { get; } = new();

    private Undefined()
    {
    }

    public override string ToString() => "undefined";
}

/// <summary>
/// Conversions and comparisons of expression values. A value is one of: <see cref="Undefined"/>, null, bool,
/// double, string, or a <see cref="JsonObject"/>/<see cref="JsonArray"/> that is only read, never mutated.
/// </summary>
internal static class ExpressionValue
{
    public static bool IsNullish(object? value) => value is null or Undefined;

    public static object? FromNode(JsonNode? node) => node switch
    {
        null => null,
        // Casts to object keep the compiler from target-typing these arms to JsonNode (implicit conversions).
        JsonObject or JsonArray => (object)node,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => (object)v.GetValue<string>(),
            JsonValueKind.Number => (object)ReadNumber(v),
            JsonValueKind.True => (object)true,
            JsonValueKind.False => (object)false,
            _ => null,
        },
        _ => null,
    };

    /// <summary>
    /// A node parsed from JSON holds a JsonElement, but one built in code holds the CLR number it was made from
    /// (int, long, decimal...), which GetValue&lt;double&gt; refuses; the JSON text reads the same for both.
    /// </summary>
    private static double ReadNumber(JsonValue value) =>
        value.TryGetValue<double>(out var number)
            ? number
            : double.Parse(value.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Converts to a fresh node for the output card (data nodes are cloned: a node has one parent).</summary>
    public static JsonNode? ToNode(object? value) => value switch
    {
        null or Undefined => null,
        bool b => JsonValue.Create(b),
        double d => JsonValue.Create(d),
        string s => JsonValue.Create(s),
        JsonNode node => node.DeepClone(),
        _ => throw new InvalidOperationException($"unexpected value type {value.GetType().Name}"),
    };

    /// <summary>AEL truthiness: false, null and undefined are false; everything else (even 0 and "") is true.</summary>
    public static bool IsTrue(object? value) => value switch
    {
        bool b => b,
        null or Undefined => false,
        _ => true,
    };

    public static bool AreEqual(object? a, object? b)
    {
        if (IsNullish(a) || IsNullish(b))
        {
            return IsNullish(a) && IsNullish(b);
        }

        return (a, b) switch
        {
            (double x, double y) => x == y,
            (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
            (bool x, bool y) => x == y,
            (JsonNode x, JsonNode y) => JsonNode.DeepEquals(x, y),
            _ => false,
        };
    }

    /// <summary>Text of a value inside a larger string: null is empty, numbers as JavaScript prints them, objects as JSON.</summary>
    public static string ToText(object? value) => value switch
    {
        null or Undefined => "",
        string s => s,
        bool b => b ? "true" : "false",
        double d => FormatNumber(d),
        JsonNode node => node.ToJsonString(ProtocolJson.Options),
        _ => value.ToString() ?? "",
    };

    public static string FormatNumber(double d)
    {
        if (double.IsNaN(d)) return "NaN";
        if (double.IsPositiveInfinity(d)) return "Infinity";
        if (double.IsNegativeInfinity(d)) return "-Infinity";
        // "R" is the shortest round-trip form, like JavaScript; only the exponent spelling differs.
        return d.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);
    }

    public static string TypeName(object? value) => value switch
    {
        null => "null",
        Undefined => "undefined",
        bool => "boolean",
        double => "number",
        string => "string",
        JsonArray => "array",
        JsonObject => "object",
        _ => value.GetType().Name,
    };
}
