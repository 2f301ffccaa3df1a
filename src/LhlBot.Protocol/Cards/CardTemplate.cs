using System.Text.Json;
using System.Text.Json.Nodes;
using LhlBot.Protocol.Cards.Binding;
using LhlBot.Protocol.Cards.Expressions;

namespace LhlBot.Protocol.Cards;

/// <summary>
/// An Adaptive Card template in the Adaptive Cards Templating language, bound to data by our own binder
/// (the subset we use: ${path} with dot, [i] and ['k'] paths, $root, $index, $data rescoping and array
/// repetition, $when, and the functions if, json, string, concat, join, count, length, empty, exists, not, and,
/// or, equals, formatNumber, toUpper, toLower, contains, with the operators == != &lt;&gt; &lt; &lt;= &gt; &gt;= &amp;&amp; || ! + - * / % ^ &amp;).
/// A string that is exactly one expression keeps its JSON type; otherwise pieces are concatenated as text.
/// Undefined paths stay as the literal ${path}, as in the reference (npm adaptivecards-templating).
/// A syntax error or an unknown function fails loudly at <see cref="Parse"/> with <see cref="CardTemplateException"/>.
/// Immutable: one instance may be expanded from many threads at once.
/// </summary>
public sealed class CardTemplate
{
    private readonly TemplateNode _root;

    private CardTemplate(string name, TemplateNode root)
    {
        Name = name;
        _root = root;
    }

    public string Name { get; } = "";

    public static CardTemplate Parse(string name, string json)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(json);
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new CardTemplateException($"Card template '{name}' is not valid JSON: {ex.Message}", ex);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new CardTemplateException($"Card template '{name}' must be a JSON object, not {root.ValueKind}.");
        }

        return new CardTemplate(name, TemplatePreparation.Prepare(name, root));
    }

    /// <summary>Binds the template to data (any object; serialised with <see cref="ProtocolJson.Options"/>, or a JsonNode).</summary>
    public JsonObject Expand(object? data)
    {
        var rootData = ToDataNode(data);
        var root = ExpressionValue.FromNode(rootData);
        var expanded = new TemplateBinder(Name).ExpandRoot(_root, new EvaluationScope(root, root, null));
        if (expanded is not JsonObject card)
        {
            var what = expanded is null ? "nothing (its $when was false or its $data was empty)" : "an array";
            throw new CardTemplateException($"Card template '{Name}' expanded to {what}, not a card.");
        }

        // Round-trip so every value in the result is an ordinary parsed node (GetValue<int> works on numbers).
        return JsonNode.Parse(card.ToJsonString(ProtocolJson.Options))!.AsObject();
    }

    private static JsonNode? ToDataNode(object? data) => data switch
    {
        null => null,
        JsonNode node => node,
        _ => JsonSerializer.SerializeToNode(data, data.GetType(), ProtocolJson.Options),
    };
}

public sealed class CardTemplateException(string message, Exception? inner = null) : Exception(message, inner);
