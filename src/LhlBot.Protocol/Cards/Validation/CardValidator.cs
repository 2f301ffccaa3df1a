using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LhlBot.Protocol.Cards.Validation;

/// <summary>
/// Structural checks of an (expanded) Adaptive Card as the designer and Teams read it: root type, version 1.5
/// (Teams' limit), the schema URL, element and action types from the 1.5 schema, required properties, and
/// input ids (present and unique). Used by tests; returns problems rather than throwing so a test can show all.
/// </summary>
internal static class CardValidator
{
    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";
    public const string Version = "1.5";

    private static readonly FrozenSet<string> ElementTypes = FrozenSet.ToFrozenSet(
    [
        "TextBlock", "Image", "Media", "RichTextBlock", "ActionSet", "Container", "ColumnSet", "FactSet", "ImageSet",
        "Table", "Input.Text", "Input.Number", "Input.Date", "Input.Time", "Input.Toggle", "Input.ChoiceSet",
    ]);

    private static readonly FrozenSet<string> ActionTypes = FrozenSet.ToFrozenSet(
    [
        "Action.OpenUrl", "Action.Submit", "Action.ShowCard", "Action.ToggleVisibility", "Action.Execute",
    ]);

    /// <param name="rejectUnboundExpressions">Also report strings still holding "${" (data that did not bind).</param>
    public static IReadOnlyList<string> Validate(JsonObject card, bool rejectUnboundExpressions = false)
    {
        var problems = new List<string>();
        if (Str(card, "type") != "AdaptiveCard")
        {
            problems.Add("$: type must be \"AdaptiveCard\"");
        }

        if (Str(card, "version") != Version)
        {
            problems.Add($"$: version must be \"{Version}\" (Teams supports up to 1.5), not {Describe(card["version"])}");
        }

        if (Str(card, "$schema") != SchemaUrl)
        {
            problems.Add($"$: $schema must be \"{SchemaUrl}\"");
        }

        var inputIds = new HashSet<string>(StringComparer.Ordinal);
        ValidateCardContent(card, "$", problems, inputIds);
        if (rejectUnboundExpressions)
        {
            FindUnbound(card, "$", problems);
        }

        return problems;
    }

    private static void ValidateCardContent(JsonObject card, string path, List<string> problems, HashSet<string> inputIds)
    {
        ValidateElements(card["body"], $"{path}.body", problems, inputIds, required: false);
        ValidateActions(card["actions"], $"{path}.actions", problems, inputIds);
    }

    private static void ValidateElements(JsonNode? node, string path, List<string> problems, HashSet<string> inputIds, bool required)
    {
        if (node is null)
        {
            if (required)
            {
                problems.Add($"{path}: required array is missing");
            }

            return;
        }

        if (node is not JsonArray elements)
        {
            problems.Add($"{path}: must be an array");
            return;
        }

        for (var i = 0; i < elements.Count; i++)
        {
            if (elements[i] is JsonObject element)
            {
                ValidateElement(element, $"{path}[{i}]", problems, inputIds);
            }
            else
            {
                problems.Add($"{path}[{i}]: must be an element object");
            }
        }
    }

    private static void ValidateElement(JsonObject element, string path, List<string> problems, HashSet<string> inputIds)
    {
        var type = Str(element, "type");
        if (type is null || !ElementTypes.Contains(type))
        {
            problems.Add($"{path}: unknown element type {Describe(element["type"])}");
            return;
        }

        if (type.StartsWith("Input.", StringComparison.Ordinal))
        {
            var id = Str(element, "id");
            if (string.IsNullOrWhiteSpace(id))
            {
                problems.Add($"{path}: {type} must have an id");
            }
            else if (!inputIds.Add(id))
            {
                problems.Add($"{path}: duplicate input id \"{id}\"");
            }
        }

        switch (type)
        {
            case "TextBlock":
                Require(element, "text", path, problems);
                break;
            case "Image":
                Require(element, "url", path, problems);
                break;
            case "Container":
                ValidateElements(element["items"], $"{path}.items", problems, inputIds, required: true);
                break;
            case "ColumnSet":
                ValidateColumns(element["columns"], $"{path}.columns", problems, inputIds);
                break;
            case "FactSet":
                ValidateFacts(element["facts"], $"{path}.facts", problems);
                break;
            case "ImageSet":
                if (element["images"] is not JsonArray)
                {
                    problems.Add($"{path}.images: required array is missing");
                }

                break;
            case "ActionSet":
                ValidateActions(element["actions"], $"{path}.actions", problems, inputIds);
                break;
            case "RichTextBlock":
                if (element["inlines"] is not JsonArray)
                {
                    problems.Add($"{path}.inlines: required array is missing");
                }

                break;
            case "Table":
                ValidateTable(element, path, problems, inputIds);
                break;
            case "Input.ChoiceSet":
                ValidateChoices(element["choices"], $"{path}.choices", problems);
                break;
            case "Input.Toggle":
                Require(element, "title", path, problems);
                break;
        }

        if (element["selectAction"] is JsonObject selectAction)
        {
            ValidateAction(selectAction, $"{path}.selectAction", problems, inputIds);
        }
    }

    private static void ValidateColumns(JsonNode? node, string path, List<string> problems, HashSet<string> inputIds)
    {
        if (node is null)
        {
            return; // The schema allows an empty ColumnSet.
        }

        if (node is not JsonArray columns)
        {
            problems.Add($"{path}: must be an array");
            return;
        }

        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i] is not JsonObject column || (Str(column, "type") ?? "Column") != "Column")
            {
                problems.Add($"{path}[{i}]: must be a Column");
                continue;
            }

            ValidateElements(column["items"], $"{path}[{i}].items", problems, inputIds, required: false);
        }
    }

    private static void ValidateFacts(JsonNode? node, string path, List<string> problems)
    {
        if (node is not JsonArray facts)
        {
            problems.Add($"{path}: required array is missing");
            return;
        }

        for (var i = 0; i < facts.Count; i++)
        {
            if (facts[i] is not JsonObject fact || Str(fact, "title") is null || Str(fact, "value") is null)
            {
                problems.Add($"{path}[{i}]: a fact needs a title and a value");
            }
        }
    }

    private static void ValidateChoices(JsonNode? node, string path, List<string> problems)
    {
        if (node is null)
        {
            return; // Allowed when choices.data (dynamic typeahead) is used.
        }

        if (node is not JsonArray choices)
        {
            problems.Add($"{path}: must be an array");
            return;
        }

        for (var i = 0; i < choices.Count; i++)
        {
            if (choices[i] is not JsonObject choice || Str(choice, "title") is null || Str(choice, "value") is null)
            {
                problems.Add($"{path}[{i}]: a choice needs a title and a value");
            }
        }
    }

    private static void ValidateTable(JsonObject table, string path, List<string> problems, HashSet<string> inputIds)
    {
        if (table["rows"] is not JsonArray rows)
        {
            return;
        }

        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r] is not JsonObject row || (Str(row, "type") ?? "TableRow") != "TableRow")
            {
                problems.Add($"{path}.rows[{r}]: must be a TableRow");
                continue;
            }

            if (row["cells"] is not JsonArray cells)
            {
                continue;
            }

            for (var c = 0; c < cells.Count; c++)
            {
                if (cells[c] is not JsonObject cell || (Str(cell, "type") ?? "TableCell") != "TableCell")
                {
                    problems.Add($"{path}.rows[{r}].cells[{c}]: must be a TableCell");
                    continue;
                }

                ValidateElements(cell["items"], $"{path}.rows[{r}].cells[{c}].items", problems, inputIds, required: true);
            }
        }
    }

    private static void ValidateActions(JsonNode? node, string path, List<string> problems, HashSet<string> inputIds)
    {
        if (node is null)
        {
            return;
        }

        if (node is not JsonArray actions)
        {
            problems.Add($"{path}: must be an array");
            return;
        }

        for (var i = 0; i < actions.Count; i++)
        {
            if (actions[i] is JsonObject action)
            {
                ValidateAction(action, $"{path}[{i}]", problems, inputIds);
            }
            else
            {
                problems.Add($"{path}[{i}]: must be an action object");
            }
        }
    }

    private static void ValidateAction(JsonObject action, string path, List<string> problems, HashSet<string> inputIds)
    {
        var type = Str(action, "type");
        if (type is null || !ActionTypes.Contains(type))
        {
            problems.Add($"{path}: unknown action type {Describe(action["type"])}");
            return;
        }

        switch (type)
        {
            case "Action.OpenUrl":
                Require(action, "url", path, problems);
                break;
            case "Action.ShowCard":
                if (action["card"] is JsonObject card)
                {
                    if (Str(card, "type") != "AdaptiveCard")
                    {
                        problems.Add($"{path}.card: type must be \"AdaptiveCard\"");
                    }

                    ValidateCardContent(card, $"{path}.card", problems, inputIds);
                }
                else
                {
                    problems.Add($"{path}.card: Action.ShowCard needs a card");
                }

                break;
            case "Action.ToggleVisibility":
                if (action["targetElements"] is not JsonArray)
                {
                    problems.Add($"{path}.targetElements: required array is missing");
                }

                break;
        }
    }

    private static void FindUnbound(JsonNode? node, string path, List<string> problems)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    FindUnbound(value, $"{path}.{key}", problems);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    FindUnbound(array[i], $"{path}[{i}]", problems);
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                if (text.Contains("${", StringComparison.Ordinal))
                {
                    problems.Add($"{path}: unbound expression in \"{text}\"");
                }

                break;
        }
    }

    private static void Require(JsonObject obj, string property, string path, List<string> problems)
    {
        if (obj[property] is null)
        {
            problems.Add($"{path}.{property}: required property is missing");
        }
    }

    private static string? Str(JsonObject obj, string name) =>
        obj[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static string Describe(JsonNode? node) => node is null ? "(missing)" : node.ToJsonString();
}
