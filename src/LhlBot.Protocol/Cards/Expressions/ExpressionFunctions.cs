using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LhlBot.Protocol.Cards.Expressions;

/// <summary>An evaluation failure (wrong operand type, invalid JSON...). Reported per the templating rules.</summary>
internal sealed class ExpressionEvaluationException(string message) : Exception(message);

/// <summary>
/// The built-in functions we support, with adaptive-expressions semantics. <c>if</c>, <c>and</c> and <c>or</c>
/// are evaluated lazily by <see cref="ExpressionEvaluator"/>; the rest receive evaluated arguments here.
/// </summary>
internal static class ExpressionFunctions
{
    private sealed record Definition(int Min, int Max, Func<IReadOnlyList<object?>, object?>? Apply);

    private static readonly FrozenDictionary<string, Definition> Definitions = new Dictionary<string, Definition>
    {
        ["if"] = new(3, 3, null),
        ["and"] = new(1, int.MaxValue, null),
        ["or"] = new(1, int.MaxValue, null),
        ["not"] = new(1, 1, a => !ExpressionValue.IsTrue(a[0])),
        ["equals"] = new(2, 2, a => ExpressionValue.AreEqual(a[0], a[1])),
        ["exists"] = new(1, 1, a => !ExpressionValue.IsNullish(a[0])),
        ["empty"] = new(1, 1, a => IsEmpty(a[0])),
        ["json"] = new(1, 1, a => ParseJson(a[0])),
        ["string"] = new(1, 1, a => ToStringValue(a[0])),
        ["concat"] = new(1, int.MaxValue, Concat),
        ["join"] = new(2, 3, Join),
        ["count"] = new(1, 1, a => (double)Count("count", a[0])),
        ["length"] = new(1, 1, a => (double)Count("length", a[0])),
        ["formatNumber"] = new(2, 3, FormatNumber),
        ["toUpper"] = new(1, 1, a => ToCase("toUpper", a[0], upper: true)),
        ["toLower"] = new(1, 1, a => ToCase("toLower", a[0], upper: false)),
        ["contains"] = new(2, 2, a => Contains(a[0], a[1])),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Function names are case-sensitive, as in adaptive-expressions.</summary>
    public static bool TryGetArity(string name, out int min, out int max)
    {
        if (Definitions.TryGetValue(name, out var definition))
        {
            (min, max) = (definition.Min, definition.Max);
            return true;
        }

        (min, max) = (0, 0);
        return false;
    }

    public static object? Apply(string name, IReadOnlyList<object?> args)
    {
        var apply = Definitions[name].Apply
            ?? throw new InvalidOperationException($"'{name}' is evaluated lazily by the evaluator");
        return apply(args);
    }

    private static bool IsEmpty(object? value) => value switch
    {
        null or Undefined => true,
        string s => s.Length == 0,
        JsonArray array => array.Count == 0,
        JsonObject obj => obj.Count == 0,
        _ => false,
    };

    private static object? ParseJson(object? value)
    {
        if (value is not string text)
        {
            throw new ExpressionEvaluationException($"json() expects a string but got {ExpressionValue.TypeName(value)}");
        }

        try
        {
            return ExpressionValue.FromNode(JsonNode.Parse(text));
        }
        catch (JsonException ex)
        {
            throw new ExpressionEvaluationException($"json() was given invalid JSON: {ex.Message}");
        }
    }

    private static string ToStringValue(object? value) => value switch
    {
        string s => s,
        Undefined => "",
        _ => ExpressionValue.ToNode(value)?.ToJsonString() ?? "null",
    };

    /// <summary>Arrays concatenate into an array; anything else concatenates as text (null as empty).</summary>
    private static object? Concat(IReadOnlyList<object?> args)
    {
        if (args.All(a => a is JsonArray))
        {
            var result = new JsonArray();
            foreach (var item in args.Cast<JsonArray>().SelectMany(a => a))
            {
                result.Add(item?.DeepClone());
            }

            return result;
        }

        return string.Concat(args.Select(ExpressionValue.ToText));
    }

    private static object? Join(IReadOnlyList<object?> args)
    {
        if (args[0] is not JsonArray array)
        {
            throw new ExpressionEvaluationException($"join() expects an array but got {ExpressionValue.TypeName(args[0])}");
        }

        var separator = ExpressionValue.ToText(args[1]);
        var items = array.Select(n => ExpressionValue.ToText(ExpressionValue.FromNode(n))).ToList();
        if (args.Count == 3 && items.Count > 1)
        {
            // join(list, ', ', ' and ') puts the last separator before the final item.
            return string.Join(separator, items.Take(items.Count - 1)) + ExpressionValue.ToText(args[2]) + items[^1];
        }

        return string.Join(separator, items);
    }

    private static int Count(string name, object? value) => value switch
    {
        string s => s.Length,
        JsonArray array => array.Count,
        _ => throw new ExpressionEvaluationException(
            $"{name}() expects a string or an array but got {ExpressionValue.TypeName(value)}"),
    };

    /// <summary>formatNumber(n, decimals[, locale]): fixed decimals with thousands separators, like toLocaleString.</summary>
    private static object? FormatNumber(IReadOnlyList<object?> args)
    {
        if (args[0] is not double number)
        {
            throw new ExpressionEvaluationException(
                $"formatNumber() expects a number but got {ExpressionValue.TypeName(args[0])}");
        }

        if (args[1] is not double decimals || decimals < 0 || decimals != Math.Floor(decimals) || decimals > 20)
        {
            throw new ExpressionEvaluationException("formatNumber() expects a whole number of decimals from 0 to 20");
        }

        var culture = CultureInfo.InvariantCulture;
        if (args.Count == 3)
        {
            if (args[2] is not string locale)
            {
                throw new ExpressionEvaluationException("formatNumber() expects a locale name as its third argument");
            }

            try
            {
                culture = CultureInfo.GetCultureInfo(locale);
            }
            catch (CultureNotFoundException)
            {
                throw new ExpressionEvaluationException($"formatNumber() does not know the locale '{locale}'");
            }
        }

        return number.ToString("N" + ((int)decimals).ToString(CultureInfo.InvariantCulture), culture);
    }

    private static string ToCase(string name, object? value, bool upper) => value switch
    {
        null or Undefined => "",
        string s => upper ? s.ToUpperInvariant() : s.ToLowerInvariant(),
        _ => throw new ExpressionEvaluationException($"{name}() expects a string but got {ExpressionValue.TypeName(value)}"),
    };

    private static bool Contains(object? collection, object? item) => collection switch
    {
        null or Undefined => false,
        string s => item is string sub
            ? s.Contains(sub, StringComparison.Ordinal)
            : s.Contains(ExpressionValue.ToText(item), StringComparison.Ordinal),
        JsonArray array => array.Any(n => ExpressionValue.AreEqual(ExpressionValue.FromNode(n), item)),
        JsonObject obj => item is string key && obj.ContainsKey(key),
        _ => throw new ExpressionEvaluationException(
            $"contains() expects a string, an array or an object but got {ExpressionValue.TypeName(collection)}"),
    };
}
