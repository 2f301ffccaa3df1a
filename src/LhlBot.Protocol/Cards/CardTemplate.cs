using System.Text.Json.Nodes;

namespace LhlBot.Protocol.Cards;

/// <summary>
/// An Adaptive Card template in the Adaptive Cards Templating language, bound to data by our own binder
/// (the subset we use: ${path} with dot, [i] and ['k'] paths, $root, $index, $data rescoping and array
/// repetition, $when, and the functions if, json, join, count, length, formatNumber, concat, not, and, or,
/// equals/==, !=, &lt;, &gt;, exists, empty). A string that is exactly one expression keeps its JSON type;
/// otherwise pieces are concatenated as text. Undefined paths inside a string stay as the literal ${path}.
/// A syntax error or an unknown function fails loudly with <see cref="CardTemplateException"/>.
/// CONTRACT ONLY — implemented by the card templating work.
/// </summary>
public sealed class CardTemplate
{
    public string Name { get; } = "";

    public static CardTemplate Parse(string name, string json) => throw new NotImplementedException();

    /// <summary>Binds the template to data (any object; serialised with <see cref="ProtocolJson.Options"/>, or a JsonNode).</summary>
    public JsonObject Expand(object? data) => throw new NotImplementedException();
}

/// <summary>Loads the card templates from a folder (cards/*.json) once and renders them by name.</summary>
public sealed class CardTemplateLibrary
{
    public CardTemplateLibrary(string folder) { }

    /// <summary>Renders a template as an attachment of content type application/vnd.microsoft.card.adaptive.</summary>
    public Attachment Render(string templateName, object? data) => throw new NotImplementedException();

    public IReadOnlyCollection<string> Names => throw new NotImplementedException();
}

public sealed class CardTemplateException(string message, Exception? inner = null) : Exception(message, inner);
