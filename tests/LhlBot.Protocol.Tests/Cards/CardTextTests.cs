using System.Text.Json.Nodes;
using LhlBot.Protocol.Cards;

namespace LhlBot.Protocol.Tests.Cards;

public sealed class CardTextTests
{
    private static readonly string SampleCard = """
        {
          "type": "AdaptiveCard", "version": "1.5", "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
          "body": [
            {"type": "TextBlock", "text": "Ukens økt", "size": "Large", "weight": "Bolder"},
            {"type": "TextBlock", "text": "Hidden", "isVisible": false},
            {"type": "FactSet", "facts": [{"title": "Sted", "value": "Bergen"}, {"title": "Tid", "value": "10:00"}]},
            {"type": "ColumnSet", "columns": [
              {"type": "Column", "items": [{"type": "TextBlock", "text": "Left"}]},
              {"type": "Column", "items": [{"type": "RichTextBlock", "inlines": ["Right ", {"type": "TextRun", "text": "side"}]}]}
            ]},
            {"type": "Input.ChoiceSet", "id": "tiltak", "label": "Velg tiltak", "isMultiSelect": true, "value": "b",
             "choices": [{"title": "Trening", "value": "a"}, {"title": "Kosthold", "value": "b"}]},
            {"type": "Input.Text", "id": "kommentar", "label": "Kommentar", "placeholder": "Skriv her", "isRequired": true},
            {"type": "Input.Toggle", "id": "samtykke", "title": "Jeg samtykker", "value": "true"},
            {"type": "ActionSet", "actions": [{"type": "Action.OpenUrl", "title": "Les mer", "url": "https://example.org"}]}
          ],
          "actions": [
            {"type": "Action.Submit", "title": "Lagre", "data": {"action": "save", "id": 7}},
            {"type": "Action.Execute", "title": "Kjør", "verb": "run", "data": {"action": "run"}},
            {"type": "Action.ShowCard", "title": "Mer", "card": {"type": "AdaptiveCard", "body": [
              {"type": "Input.Date", "id": "dato", "label": "Dato"}
            ], "actions": [{"type": "Action.Submit", "title": "Send dato", "data": {"action": "date"}}]}}
          ]
        }
        """;

    [Fact]
    public void ShowsWhatAToggleButtonWouldRevealSinceATerminalCannotToggle()
    {
        var card = JsonNode.Parse("""
            {"type": "AdaptiveCard", "version": "1.5", "body": [
              {"type": "TextBlock", "text": "Kort"},
              {"type": "Container", "id": "more", "isVisible": false, "items": [{"type": "TextBlock", "text": "Hele teksten"}]},
              {"type": "TextBlock", "text": "Skjult for alltid", "isVisible": false},
              {"type": "ActionSet", "actions": [{"type": "Action.ToggleVisibility", "title": "Vis mer", "targetElements": [{"elementId": "more"}]}]}
            ]}
            """)!.AsObject();

        var result = CardText.Render(card);

        Assert.Contains("Kort\nHele teksten", result.Text);
        Assert.DoesNotContain("Skjult for alltid", result.Text);
        Assert.Empty(result.Actions); // the toggle itself means nothing in a terminal
    }

    [Fact]
    public void RendersReadableText()
    {
        var result = CardText.Render(JsonNode.Parse(SampleCard)!.AsObject());
        var text = result.Text;

        Assert.StartsWith("Ukens økt\n=========\n", text);
        Assert.DoesNotContain("Hidden", text);
        Assert.Contains("Sted: Bergen\nTid: 10:00\n", text);
        Assert.Contains("Left\nRight side\n", text);
        Assert.Contains("Velg tiltak (choose one or more, e.g. 1,3):\n  1. Trening\n  2. Kosthold (selected)\n", text);
        Assert.Contains("Kommentar: [____] (Skriv her) (required)", text);
        Assert.Contains("[x] Jeg samtykker", text);
        Assert.Contains("[1] Les mer (https://example.org)", text);
        Assert.Contains("[2] Lagre\n[3] Kjør\n[4] Mer\n", text);
        Assert.Contains("Mer:\n    Dato: [____] (date)\n", text);
        Assert.Contains("    [5] Send dato", text);
    }

    [Fact]
    public void NumbersMapBackToTheRightActionData()
    {
        var result = CardText.Render(JsonNode.Parse(SampleCard)!.AsObject());

        Assert.Equal(5, result.Actions.Count);
        Assert.True(result.TryGetAction(2, out var save));
        Assert.Equal("Action.Submit", save.Type);
        Assert.Equal("Lagre", save.Title);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"action": "save", "id": 7}"""), save.Data));

        Assert.True(result.TryGetAction(3, out var run));
        Assert.Equal("run", run.Verb);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"action": "run"}"""), run.Data));

        Assert.True(result.TryGetAction(1, out var open));
        Assert.Equal("https://example.org", open.Url);
        Assert.Null(open.Data);

        Assert.True(result.TryGetAction(5, out var date));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"action": "date"}"""), date.Data));

        Assert.False(result.TryGetAction(0, out _));
        Assert.False(result.TryGetAction(6, out _));
    }

    [Fact]
    public void ListsInputsInOrder()
    {
        var result = CardText.Render(JsonNode.Parse(SampleCard)!.AsObject());

        Assert.Equal(["tiltak", "kommentar", "samtykke", "dato"], result.Inputs.Select(i => i.Id));
        var choice = result.Inputs[0];
        Assert.Equal("choiceset", choice.Kind);
        Assert.True(choice.IsMultiSelect);
        Assert.Equal("Velg tiltak", choice.Label);
        Assert.Equal([new CardTextChoice(1, "Trening", "a"), new CardTextChoice(2, "Kosthold", "b")], choice.Choices);
        Assert.Equal("text", result.Inputs[1].Kind);
        Assert.True(result.Inputs[1].IsRequired);
        Assert.Equal("Skriv her", result.Inputs[1].Placeholder);
        Assert.Equal("toggle", result.Inputs[2].Kind);
        Assert.Equal("date", result.Inputs[3].Kind);
    }

    [Fact]
    public void ActionDataIsACopy()
    {
        var card = JsonNode.Parse(SampleCard)!.AsObject();
        var result = CardText.Render(card);
        result.Actions[1].Data!["action"] = "changed";
        Assert.Equal("save", card["actions"]![0]!["data"]!["action"]!.GetValue<string>());
    }

    [Fact]
    public void RendersAnExpandedTemplate()
    {
        var card = CardTemplate.Parse("t", """
            {"type": "AdaptiveCard", "body": [
              {"type": "Input.ChoiceSet", "id": "pick", "choices": [{"$data": "${options}", "title": "${name}", "value": "${id}"}]}
            ], "actions": [{"$data": "${options}", "type": "Action.Submit", "title": "Velg ${name}", "data": {"pick": "${id}"}}]}
            """).Expand(new { Options = new[] { new { Id = "x1", Name = "En" }, new { Id = "x2", Name = "To" } } });
        var result = CardText.Render(card);
        Assert.Contains("pick (choose one):\n  1. En\n  2. To", result.Text);
        Assert.Equal("x2", result.Actions[1].Data!["pick"]!.GetValue<string>());
        Assert.Equal("Velg To", result.Actions[1].Title);
    }
}
