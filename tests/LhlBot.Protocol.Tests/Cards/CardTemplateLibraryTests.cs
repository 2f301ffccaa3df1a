using System.Text.Json.Nodes;
using LhlBot.Protocol.Cards;

namespace LhlBot.Protocol.Tests.Cards;

public sealed class CardTemplateLibraryTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lhlbot-cards-" + Guid.NewGuid().ToString("N"));

    public CardTemplateLibraryTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Write(string fileName, string content) => File.WriteAllText(Path.Combine(_folder, fileName), content);

    [Fact]
    public void LoadsTemplatesSkipsSampleDataAndRenders()
    {
        Write("welcome.json", """{"type": "AdaptiveCard", "body": [{"type": "TextBlock", "text": "Hei ${name}"}]}""");
        Write("welcome.data.json", """{"name": "Sample"}""");
        Write("notes.txt", "not a card");

        var library = new CardTemplateLibrary(_folder);

        Assert.Equal(["welcome"], library.Names);
        var attachment = library.Render("welcome", new { Name = "Kari" });
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        var content = Assert.IsType<JsonObject>(attachment.Content);
        Assert.Equal("Hei Kari", content["body"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void MissingFolderThrows()
    {
        var ex = Assert.Throws<CardTemplateException>(() => new CardTemplateLibrary(Path.Combine(_folder, "nope")));
        Assert.Contains("nope", ex.Message);
    }

    [Fact]
    public void InvalidJsonThrowsNamingTheTemplate()
    {
        Write("good.json", """{"type": "AdaptiveCard"}""");
        Write("bad.json", """{"type": "AdaptiveCard",""");
        var ex = Assert.Throws<CardTemplateException>(() => new CardTemplateLibrary(_folder));
        Assert.Contains("'bad'", ex.Message);
    }

    [Fact]
    public void BadExpressionInAnyTemplateFailsAtConstruction()
    {
        Write("bad.json", """{"type": "AdaptiveCard", "body": [{"type": "TextBlock", "text": "${nosuch(1)}"}]}""");
        var ex = Assert.Throws<CardTemplateException>(() => new CardTemplateLibrary(_folder));
        Assert.Contains("'bad'", ex.Message);
    }

    [Fact]
    public void InvalidSampleDataIsNotLoaded()
    {
        Write("card.json", """{"type": "AdaptiveCard"}""");
        Write("card.data.json", "{ not json");
        var library = new CardTemplateLibrary(_folder);
        Assert.Equal(["card"], library.Names);
    }

    [Fact]
    public void UnknownTemplateNameThrows()
    {
        Write("card.json", """{"type": "AdaptiveCard"}""");
        var library = new CardTemplateLibrary(_folder);
        var ex = Assert.Throws<CardTemplateException>(() => library.Render("missing", null));
        Assert.Contains("'missing'", ex.Message);
    }

    [Fact]
    public void ConcurrentRendersShareTheLoadedTemplates()
    {
        Write("list.json", """{"type": "AdaptiveCard", "body": [{"$data": "${items}", "type": "TextBlock", "text": "${$index}"}]}""");
        var library = new CardTemplateLibrary(_folder);
        Parallel.For(0, 100, i =>
        {
            var content = (JsonObject)library.Render("list", new { Items = new int[i % 5] }).Content!;
            Assert.Equal(i % 5, content["body"]!.AsArray().Count);
        });
    }
}
