using System.Text.Json.Nodes;
using LhlBot.Protocol.Cards;
using LhlBot.Protocol.Cards.Validation;

namespace LhlBot.Protocol.Tests.Cards;

public sealed class CardValidatorTests
{
    private static IReadOnlyList<string> Validate(string json, bool rejectUnbound = false) =>
        CardValidator.Validate(JsonNode.Parse(json)!.AsObject(), rejectUnbound);

    [Fact]
    public void AcceptsAValidCard()
    {
        var problems = Validate("""
            {"type": "AdaptiveCard", "version": "1.5", "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
             "body": [
               {"type": "TextBlock", "text": "Hei"},
               {"type": "Container", "items": [{"type": "Input.Text", "id": "a"}]},
               {"type": "ColumnSet", "columns": [{"type": "Column", "items": [{"type": "Input.Toggle", "id": "b", "title": "T"}]}]},
               {"type": "FactSet", "facts": [{"title": "x", "value": "y"}]},
               {"type": "Input.ChoiceSet", "id": "c", "choices": [{"title": "1", "value": "1"}]}
             ],
             "actions": [{"type": "Action.Execute", "verb": "v"}, {"type": "Action.ShowCard", "card": {"type": "AdaptiveCard", "body": [{"type": "Input.Date", "id": "d"}]}}]}
            """);
        Assert.Empty(problems);
    }

    [Fact]
    public void RejectsABadCard()
    {
        var problems = Validate("""
            {"type": "Card", "version": "1.6",
             "body": [
               {"type": "TextBlock"},
               {"type": "Carousel"},
               {"type": "Input.Text", "id": "dup"},
               {"type": "Container", "items": [{"type": "Input.Number", "id": "dup"}, {"type": "Input.Date"}]}
             ],
             "actions": [{"type": "Action.Http"}, {"type": "Action.OpenUrl"}]}
            """);
        Assert.Contains(problems, p => p.Contains("type must be \"AdaptiveCard\""));
        Assert.Contains(problems, p => p.Contains("version must be \"1.5\""));
        Assert.Contains(problems, p => p.Contains("$schema"));
        Assert.Contains(problems, p => p.Contains("$.body[0].text"));
        Assert.Contains(problems, p => p.Contains("unknown element type \"Carousel\""));
        Assert.Contains(problems, p => p.Contains("duplicate input id \"dup\""));
        Assert.Contains(problems, p => p.Contains("Input.Date must have an id"));
        Assert.Contains(problems, p => p.Contains("unknown action type \"Action.Http\""));
        Assert.Contains(problems, p => p.Contains("$.actions[1].url"));
    }

    [Fact]
    public void DuplicateIdsAcrossShowCardAreRejected()
    {
        var problems = Validate("""
            {"type": "AdaptiveCard", "version": "1.5", "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
             "body": [{"type": "Input.Text", "id": "x"}],
             "actions": [{"type": "Action.ShowCard", "card": {"type": "AdaptiveCard", "body": [{"type": "Input.Text", "id": "x"}]}}]}
            """);
        Assert.Single(problems);
    }

    [Fact]
    public void OptionallyRejectsUnboundExpressions()
    {
        const string card = """
            {"type": "AdaptiveCard", "version": "1.5", "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
             "body": [{"type": "TextBlock", "text": "Hei ${name}"}]}
            """;
        Assert.Empty(Validate(card));
        Assert.Contains(Validate(card, rejectUnbound: true), p => p.Contains("$.body[0].text"));
    }

    [Fact]
    public void ExpandedTemplateValidates()
    {
        var card = CardTemplate.Parse("t", """
            {"type": "AdaptiveCard", "version": "1.5", "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
             "body": [{"$data": "${rows}", "type": "Input.Text", "id": "row${$index}"}]}
            """).Expand(new { Rows = new[] { 1, 2, 3 } });
        Assert.Empty(CardValidator.Validate(card, rejectUnboundExpressions: true));
    }
}
