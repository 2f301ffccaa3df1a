using System.Collections.Frozen;

namespace LhlBot.Protocol.Cards;

/// <summary>Loads the card templates from a folder (cards/*.json) once and renders them by name.</summary>
public sealed class CardTemplateLibrary
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>Designer sample data files (NAME.data.json) sit beside the templates and are not templates.</summary>
    private const string SampleDataSuffix = ".data.json";

    private readonly FrozenDictionary<string, CardTemplate> _templates;

    /// <summary>Loads every template now, so a broken card fails at startup rather than mid-conversation.</summary>
    public CardTemplateLibrary(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            throw new CardTemplateException($"Card template folder '{folder}' does not exist.");
        }

        var templates = new Dictionary<string, CardTemplate>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var fileName = Path.GetFileName(path);
            if (fileName.EndsWith(SampleDataSuffix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var name = Path.GetFileNameWithoutExtension(path);
            templates[name] = CardTemplate.Parse(name, File.ReadAllText(path));
        }

        _templates = templates.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Renders a template as an attachment of content type application/vnd.microsoft.card.adaptive.</summary>
    public Attachment Render(string templateName, object? data) => new()
    {
        ContentType = AdaptiveCardContentType,
        Content = Get(templateName).Expand(data),
    };

    public IReadOnlyCollection<string> Names => _templates.Keys;

    public CardTemplate Get(string templateName) =>
        _templates.TryGetValue(templateName, out var template)
            ? template
            : throw new CardTemplateException(
                $"Unknown card template '{templateName}'. Known: {string.Join(", ", _templates.Keys.Order(StringComparer.Ordinal))}.");
}
