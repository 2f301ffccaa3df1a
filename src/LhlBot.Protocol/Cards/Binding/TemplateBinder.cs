using System.Text.Json;
using System.Text.Json.Nodes;
using LhlBot.Protocol.Cards.Expressions;

namespace LhlBot.Protocol.Cards.Binding;

/// <summary>
/// Expands a prepared template against data, following npm adaptivecards-templating 2.x:
/// <list type="bullet">
/// <item>$data on an object rescopes it; an array repeats the object once per item (setting $index), and the
/// copies are spliced into the parent array; an empty array emits nothing.</item>
/// <item>$when is evaluated per item without undefined substitution; only boolean true keeps the item, and an
/// evaluation error counts as false.</item>
/// <item>A dropped object becomes null: removed from arrays, kept as null in a property.</item>
/// <item>Expanded nulls are removed from arrays, and nested arrays are spliced (the reference does both).</item>
/// </list>
/// Builds a new tree on every call; neither the template nor the data is modified.
/// </summary>
internal sealed class TemplateBinder(string templateName)
{
    /// <summary>An expansion result: <see cref="Defined"/> false means "leave the property out".</summary>
    private readonly record struct Expansion(bool Defined, JsonNode? Node)
    {
        public static Expansion Undefined => new(false, null);

        public static Expansion Of(JsonNode? node) => new(true, node);
    }

    public JsonNode? ExpandRoot(TemplateNode root, EvaluationScope scope) => Expand(root, scope).Node;

    private Expansion Expand(TemplateNode node, EvaluationScope scope) => node switch
    {
        TemplateLiteral literal => Expansion.Of(LiteralToNode(literal.Value)),
        TemplateString text => ExpandString(text.Value, scope),
        TemplateArray array => Expansion.Of(ExpandArray(array, scope)),
        TemplateObject obj => Expansion.Of(ExpandObject(obj, scope)),
        _ => throw new InvalidOperationException($"unknown template node {node.GetType().Name}"),
    };

    private static JsonNode? LiteralToNode(JsonElement element) =>
        element.ValueKind == JsonValueKind.Null ? null : JsonNode.Parse(element.GetRawText());

    private JsonArray ExpandArray(TemplateArray array, EvaluationScope scope)
    {
        var result = new JsonArray();
        foreach (var item in array.Items)
        {
            var expanded = Expand(item, scope);
            switch (expanded.Node)
            {
                case null:
                    break;
                case JsonArray many:
                    // Detach first: a node can only have one parent.
                    var children = many.ToList();
                    many.Clear();
                    foreach (var child in children)
                    {
                        result.Add(child);
                    }

                    break;
                default:
                    result.Add(expanded.Node);
                    break;
            }
        }

        return result;
    }

    /// <summary>Returns the object, an array of its repetitions, or null when every repetition was dropped.</summary>
    private JsonNode? ExpandObject(TemplateObject template, EvaluationScope scope)
    {
        IReadOnlyList<object?> contexts;
        var isRepetition = false;
        if (template.DataContext is null)
        {
            contexts = [Undefined.Value];
        }
        else
        {
            var context = EvaluateDataContext(template.DataContext, scope);
            if (context is JsonArray array)
            {
                contexts = array.Select(ExpressionValue.FromNode).ToList();
                isRepetition = true;
            }
            else
            {
                contexts = [context];
            }
        }

        var results = new List<JsonObject>();
        for (var i = 0; i < contexts.Count; i++)
        {
            var itemScope = contexts[i] is Undefined && !isRepetition
                ? scope
                : scope.WithData(contexts[i], isRepetition ? i : null);
            if (template.When is { } when && !IsTrueCondition(when, itemScope))
            {
                continue;
            }

            var result = new JsonObject();
            foreach (var (key, value) in template.Properties)
            {
                var expanded = Expand(value, itemScope);
                if (expanded.Defined)
                {
                    result[key] = expanded.Node;
                }
            }

            results.Add(result);
        }

        return results.Count switch
        {
            0 => null,
            1 => results[0],
            _ => new JsonArray([.. results]),
        };
    }

    private object? EvaluateDataContext(TemplateNode dataContext, EvaluationScope scope) => dataContext switch
    {
        TemplateLiteral literal => ExpressionValue.FromNode(LiteralToNode(literal.Value)),
        TemplateString text when text.Value.IsSingleExpression =>
            EvaluateSingle((ExpressionPart)text.Value.Parts[0], scope),
        TemplateString text => ConcatenateParts(text.Value, scope),
        _ => throw new InvalidOperationException("unexpected $data node"),
    };

    private static bool IsTrueCondition(InterpolatedString when, EvaluationScope scope)
    {
        if (!when.IsSingleExpression)
        {
            // Text around the expression makes the result a string, which is never boolean true.
            return false;
        }

        try
        {
            var value = new ExpressionEvaluator(scope, substituteUndefined: false)
                .Evaluate(((ExpressionPart)when.Parts[0]).Expression);
            return value is true;
        }
        catch (ExpressionEvaluationException)
        {
            return false;
        }
    }

    private Expansion ExpandString(InterpolatedString text, EvaluationScope scope)
    {
        if (text.IsSingleExpression)
        {
            var value = EvaluateSingle((ExpressionPart)text.Parts[0], scope);
            return value is Undefined ? Expansion.Undefined : Expansion.Of(ExpressionValue.ToNode(value));
        }

        return Expansion.Of(JsonValue.Create(ConcatenateParts(text, scope)));
    }

    /// <summary>A whole-string expression keeps its type; if it cannot be evaluated the expansion fails.</summary>
    private object? EvaluateSingle(ExpressionPart part, EvaluationScope scope)
    {
        try
        {
            return new ExpressionEvaluator(scope, substituteUndefined: true).Evaluate(part.Expression);
        }
        catch (ExpressionEvaluationException ex)
        {
            throw new CardTemplateException(
                $"Card template '{templateName}': cannot evaluate ${{{part.Source}}}: {ex.Message}", ex);
        }
    }

    /// <summary>Inside a larger string, a piece that cannot be evaluated stays as its literal ${...} text.</summary>
    private static string ConcatenateParts(InterpolatedString text, EvaluationScope scope)
    {
        var evaluator = new ExpressionEvaluator(scope, substituteUndefined: true);
        var builder = new System.Text.StringBuilder();
        foreach (var part in text.Parts)
        {
            switch (part)
            {
                case TextPart literal:
                    builder.Append(literal.Text);
                    break;
                case ExpressionPart expression:
                    try
                    {
                        builder.Append(ExpressionValue.ToText(evaluator.Evaluate(expression.Expression)));
                    }
                    catch (ExpressionEvaluationException)
                    {
                        builder.Append("${").Append(expression.Source).Append('}');
                    }

                    break;
            }
        }

        return builder.ToString();
    }
}
