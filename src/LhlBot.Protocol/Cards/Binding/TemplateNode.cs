using System.Text.Json;
using LhlBot.Protocol.Cards.Expressions;

namespace LhlBot.Protocol.Cards.Binding;

/// <summary>
/// A template prepared for binding: strings with ${...} are parsed once, up front, so syntax errors surface at
/// load time and expansion never re-parses. The tree is immutable and safe to expand from many threads.
/// </summary>
internal abstract record TemplateNode
{
    public static TemplateNode Prepare(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => PrepareObject(element),
        JsonValueKind.Array => new TemplateArray(element.EnumerateArray().Select(Prepare).ToList()),
        JsonValueKind.String when InterpolatedString.TryParse(element.GetString()!) is { } interpolated =>
            new TemplateString(interpolated),
        _ => new TemplateLiteral(element.Clone()),
    };

    private static TemplateObject PrepareObject(JsonElement element)
    {
        var properties = new List<KeyValuePair<string, TemplateNode>>();
        TemplateNode? dataContext = null;
        InterpolatedString? when = null;
        foreach (var property in element.EnumerateObject())
        {
            switch (property.Name)
            {
                case "$data":
                    // A literal $data (object, array, number...) is used as is; a string may hold an expression.
                    dataContext = property.Value.ValueKind == JsonValueKind.String
                        ? Prepare(property.Value)
                        : new TemplateLiteral(property.Value.Clone());
                    break;
                case "$when":
                    // Like the reference, only an expression string is a condition; a literal $when is ignored.
                    if (property.Value.ValueKind == JsonValueKind.String)
                    {
                        when = InterpolatedString.TryParse(property.Value.GetString()!);
                    }

                    break;
                case "$root" or "$index":
                    // Reserved names: never emitted, as in the reference.
                    break;
                default:
                    properties.Add(new(property.Name, Prepare(property.Value)));
                    break;
            }
        }

        return new TemplateObject(properties, dataContext, when);
    }
}

/// <summary>A number, bool, null or plain string, copied to the output unchanged.</summary>
internal sealed record TemplateLiteral(JsonElement Value) : TemplateNode;

internal sealed record TemplateString(InterpolatedString Value) : TemplateNode;

internal sealed record TemplateArray(IReadOnlyList<TemplateNode> Items) : TemplateNode;

internal sealed record TemplateObject(
    IReadOnlyList<KeyValuePair<string, TemplateNode>> Properties,
    TemplateNode? DataContext,
    InterpolatedString? When) : TemplateNode;

/// <summary>Names the template and expression in syntax errors raised while preparing.</summary>
internal static class TemplatePreparation
{
    public static TemplateNode Prepare(string templateName, JsonElement root)
    {
        try
        {
            return TemplateNode.Prepare(root);
        }
        catch (ExpressionSyntaxException ex)
        {
            throw new CardTemplateException($"Card template '{templateName}': invalid expression {ex.Message}", ex);
        }
    }
}
