using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LhlBot.Protocol.Cards;

/// <summary>
/// Renders an expanded Adaptive Card as readable plain text for a terminal client: headings underlined, facts as
/// "Title: value", containers and columns flattened in order, inputs with their label and value or placeholder,
/// choices numbered "1. Title", and buttons numbered "[1] Title" across the whole card. Hidden elements
/// (isVisible: false) are skipped, except those an Action.ToggleVisibility would reveal: a terminal cannot toggle,
/// so it shows them. The buttons and inputs come back in <see cref="CardTextResult"/>.
/// </summary>
public static class CardText
{
    public static CardTextResult Render(JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var renderer = new Renderer();
        renderer.RenderCard(card);
        return new CardTextResult(renderer.Text, renderer.Actions, renderer.Inputs);
    }

    /// <summary>Per-call state; the public entry point stays stateless.</summary>
    private sealed class Renderer
    {
        private readonly StringBuilder _text = new();
        private readonly List<CardTextAction> _actions;
        private readonly List<CardTextInput> _inputs;
        private HashSet<string> _revealable = [];
        private string _indent = "";

        public Renderer()
            : this([], [])
        {
        }

        /// <summary>A renderer for a part of the card (a table cell) that numbers into the same lists.</summary>
        private Renderer(List<CardTextAction> actions, List<CardTextInput> inputs)
        {
            _actions = actions;
            _inputs = inputs;
        }

        public string Text => _text.ToString().TrimEnd('\n');

        public IReadOnlyList<CardTextAction> Actions => _actions;

        public IReadOnlyList<CardTextInput> Inputs => _inputs;

        public void RenderCard(JsonObject card)
        {
            _revealable = ToggleTargets(card).ToHashSet(StringComparer.Ordinal);
            RenderElements(card["body"] as JsonArray);
            if (card["actions"] is JsonArray { Count: > 0 } actions)
            {
                BlankLine();
                RenderActions(actions);
            }
        }

        /// <summary>The ids every Action.ToggleVisibility in the card names (as strings or as {"elementId": …}).</summary>
        private static IEnumerable<string> ToggleTargets(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    if (Str(obj, "type") == "Action.ToggleVisibility" && obj["targetElements"] is JsonArray targets)
                    {
                        foreach (var target in targets)
                        {
                            var id = target is JsonObject t ? Str(t, "elementId") : target is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
                            if (id is not null)
                            {
                                yield return id;
                            }
                        }
                    }

                    foreach (var (_, child) in obj)
                    {
                        foreach (var id in ToggleTargets(child))
                        {
                            yield return id;
                        }
                    }

                    break;
                case JsonArray array:
                    foreach (var child in array)
                    {
                        foreach (var id in ToggleTargets(child))
                        {
                            yield return id;
                        }
                    }

                    break;
            }
        }

        private void RenderElements(JsonArray? elements)
        {
            foreach (var element in elements?.OfType<JsonObject>() ?? [])
            {
                RenderElement(element);
            }
        }

        private void RenderElement(JsonObject element)
        {
            if (element["isVisible"] is JsonValue visible && visible.GetValueKind() == JsonValueKind.False
                && !(Str(element, "id") is { } id && _revealable.Contains(id)))
            {
                return;
            }

            switch (Str(element, "type"))
            {
                case "TextBlock":
                    RenderTextBlock(element);
                    break;
                case "RichTextBlock":
                    Line(string.Concat((element["inlines"] as JsonArray ?? []).Select(InlineText)));
                    break;
                case "FactSet":
                    foreach (var fact in (element["facts"] as JsonArray ?? []).OfType<JsonObject>())
                    {
                        var title = Str(fact, "title");
                        Line(string.IsNullOrEmpty(title) ? Str(fact, "value") ?? "" : $"{title}: {Str(fact, "value")}");
                    }

                    break;
                case "Container":
                    RenderElements(element["items"] as JsonArray);
                    break;
                case "ColumnSet":
                    foreach (var column in (element["columns"] as JsonArray ?? []).OfType<JsonObject>())
                    {
                        RenderElement(column);
                    }

                    break;
                case "Column" or null when element.ContainsKey("items"):
                    RenderElements(element["items"] as JsonArray);
                    break;
                case "Table":
                    RenderTable(element);
                    break;
                case "Image":
                    RenderImage(element);
                    break;
                case "ImageSet":
                    foreach (var image in (element["images"] as JsonArray ?? []).OfType<JsonObject>())
                    {
                        RenderImage(image);
                    }

                    break;
                case "Media":
                    Line(Str(element, "altText") is { Length: > 0 } alt ? $"[Media: {alt}]" : "[Media]");
                    break;
                case "ActionSet":
                    RenderActions(element["actions"] as JsonArray ?? []);
                    break;
                case "Input.Text" or "Input.Number" or "Input.Date" or "Input.Time":
                    RenderFieldInput(element);
                    break;
                case "Input.Toggle":
                    RenderToggle(element);
                    break;
                case "Input.ChoiceSet":
                    RenderChoiceSet(element);
                    break;
                default:
                    // Unknown to us: use its fallback element, as a renderer would.
                    if (element["fallback"] is JsonObject fallback)
                    {
                        RenderElement(fallback);
                    }

                    break;
            }
        }

        private void RenderTextBlock(JsonObject element)
        {
            var text = Str(element, "text") ?? "";
            var size = Str(element, "size")?.ToLowerInvariant();
            var weight = Str(element, "weight")?.ToLowerInvariant();
            char? underline = size is "large" or "extralarge" ? '=' : weight == "bolder" ? '-' : null;
            if (underline is { } mark && text.Length > 0)
            {
                if (_text.Length > 0)
                {
                    BlankLine();
                }

                Line(text);
                Line(new string(mark, text.Split('\n').Max(l => l.Length)));
            }
            else
            {
                Line(text);
            }
        }

        private static string InlineText(JsonNode? inline) => inline switch
        {
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            JsonObject run => Str(run, "text") ?? "",
            _ => "",
        };

        private void RenderTable(JsonObject table)
        {
            foreach (var row in (table["rows"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var cells = (row["cells"] as JsonArray ?? []).OfType<JsonObject>().Select(cell =>
                {
                    // Render each cell on its own, then lay the row out on one line.
                    var cellRenderer = new Renderer(_actions, _inputs);
                    cellRenderer.RenderElements(cell["items"] as JsonArray);
                    return cellRenderer.Text.Replace('\n', ' ');
                }).ToList();
                Line(string.Join(" | ", cells));
            }
        }

        private void RenderImage(JsonObject image)
        {
            if (Str(image, "altText") is { Length: > 0 } alt)
            {
                Line($"[Image: {alt}]");
            }
        }

        private void RenderFieldInput(JsonObject input)
        {
            var kind = InputKind(input);
            var value = Str(input, "value");
            var placeholder = Str(input, "placeholder");
            var label = Label(input);
            var line = new StringBuilder($"{label}: [{(string.IsNullOrEmpty(value) ? "____" : value)}]");
            if (string.IsNullOrEmpty(value) && !string.IsNullOrEmpty(placeholder) && placeholder != label)
            {
                line.Append($" ({placeholder})");
            }

            if (kind is "date" or "time" or "number")
            {
                line.Append($" ({kind})");
            }

            if (IsRequired(input))
            {
                line.Append(" (required)");
            }

            Line(line.ToString());
            AddInput(input, kind, label, value, placeholder, []);
        }

        private void RenderToggle(JsonObject input)
        {
            var value = Str(input, "value");
            var valueOn = Str(input, "valueOn") ?? "true";
            var title = Str(input, "title") ?? "";
            if (Str(input, "label") is { Length: > 0 } label)
            {
                Line(label);
            }

            Line($"[{(value == valueOn ? "x" : " ")}] {title}{(IsRequired(input) ? " (required)" : "")}");
            AddInput(input, "toggle", Label(input), value, null, []);
        }

        private void RenderChoiceSet(JsonObject input)
        {
            var multi = input["isMultiSelect"] is JsonValue m && m.GetValueKind() == JsonValueKind.True;
            var label = Label(input);
            var hint = multi ? "choose one or more, e.g. 1,3" : "choose one";
            Line($"{label} ({hint}){(IsRequired(input) ? " (required)" : "")}:");
            var value = Str(input, "value");
            var selected = (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var choices = new List<CardTextChoice>();
            foreach (var choice in (input["choices"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var number = choices.Count + 1;
                var title = Str(choice, "title") ?? "";
                var choiceValue = Str(choice, "value") ?? "";
                choices.Add(new CardTextChoice(number, title, choiceValue));
                Line($"  {number}. {title}{(selected.Contains(choiceValue) ? " (selected)" : "")}");
            }

            AddInput(input, "choiceset", label, value, Str(input, "placeholder"), choices, multi);
        }

        private void AddInput(
            JsonObject input, string kind, string label, string? value, string? placeholder,
            IReadOnlyList<CardTextChoice> choices, bool multi = false) =>
            _inputs.Add(new CardTextInput(Str(input, "id") ?? "", label, kind, IsRequired(input), multi, value, placeholder, choices));

        private void RenderActions(JsonArray actions)
        {
            var shown = new List<(string Title, JsonObject Card)>();
            foreach (var action in actions.OfType<JsonObject>())
            {
                var type = Str(action, "type") ?? "";
                if (type is not ("Action.Submit" or "Action.Execute" or "Action.OpenUrl" or "Action.ShowCard"))
                {
                    // Action.ToggleVisibility and unknown actions mean nothing in a terminal.
                    continue;
                }

                if (action["isVisible"] is JsonValue visible && visible.GetValueKind() == JsonValueKind.False)
                {
                    continue;
                }

                var number = _actions.Count + 1;
                var title = Str(action, "title") ?? Str(action, "id") ?? type;
                var url = type == "Action.OpenUrl" ? Str(action, "url") : null;
                var data = type is "Action.Submit" or "Action.Execute" ? action["data"]?.DeepClone() : null;
                var verb = type == "Action.Execute" ? Str(action, "verb") : null;
                _actions.Add(new CardTextAction(number, type, title, Str(action, "id"), data, verb, url));
                Line(url is null ? $"[{number}] {title}" : $"[{number}] {title} ({url})");
                if (type == "Action.ShowCard" && action["card"] is JsonObject card)
                {
                    shown.Add((title, card));
                }
            }

            foreach (var (title, card) in shown)
            {
                Line($"{title}:");
                var outer = _indent;
                _indent += "    ";
                RenderCard(card);
                _indent = outer;
            }
        }

        private static string InputKind(JsonObject input) =>
            (Str(input, "type") ?? "Input.Text")["Input.".Length..].ToLowerInvariant();

        private static string Label(JsonObject input) =>
            new[] { Str(input, "label"), Str(input, "placeholder"), Str(input, "title"), Str(input, "id") }
                .FirstOrDefault(s => !string.IsNullOrWhiteSpace(s)) ?? "Input";

        private static bool IsRequired(JsonObject input) =>
            input["isRequired"] is JsonValue required && required.GetValueKind() == JsonValueKind.True;

        /// <summary>A property as text (numbers and booleans too, since templates may bind them).</summary>
        private static string? Str(JsonObject obj, string name) => obj[name] switch
        {
            JsonValue value => value.GetValueKind() switch
            {
                JsonValueKind.String => value.GetValue<string>(),
                JsonValueKind.Number => value.GetValue<double>().ToString(CultureInfo.InvariantCulture),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null,
            },
            _ => null,
        };

        private void Line(string text)
        {
            foreach (var line in text.Split('\n'))
            {
                _text.Append(_indent).Append(line.TrimEnd('\r')).Append('\n');
            }
        }

        private void BlankLine()
        {
            if (_text.Length > 0 && !_text.ToString().EndsWith("\n\n", StringComparison.Ordinal))
            {
                _text.Append('\n');
            }
        }
    }
}
