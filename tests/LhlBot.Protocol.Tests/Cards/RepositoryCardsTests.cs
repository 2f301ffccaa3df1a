using System.Text.Json.Nodes;
using LhlBot.Protocol.Cards;
using LhlBot.Protocol.Cards.Validation;

namespace LhlBot.Protocol.Tests.Cards;

/// <summary>Checks the real templates in the repository's cards/ folder against their designer sample data.</summary>
public sealed class RepositoryCardsTests
{
    [Fact]
    public void EveryTemplateWithSampleDataExpandsToAValidCard()
    {
        var root = FindRepositoryRoot();
        var folder = Path.Combine(root, "cards");
        if (!Directory.Exists(folder))
        {
            return; // No cards yet: nothing to check.
        }

        var library = new CardTemplateLibrary(folder);
        var failures = new List<string>();
        foreach (var name in library.Names.Order(StringComparer.Ordinal))
        {
            var samplePath = Path.Combine(folder, name + ".data.json");
            if (!File.Exists(samplePath))
            {
                continue;
            }

            try
            {
                var sample = JsonNode.Parse(File.ReadAllText(samplePath));
                var card = library.Get(name).Expand(sample);
                failures.AddRange(CardValidator.Validate(card, rejectUnboundExpressions: true).Select(p => $"{name}: {p}"));
                // The terminal rendering must cope with every real card too.
                CardText.Render(card);
            }
            catch (Exception ex) when (ex is CardTemplateException or System.Text.Json.JsonException)
            {
                failures.Add($"{name}: {ex.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LhlBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"LhlBot.sln not found above {AppContext.BaseDirectory}");
    }
}
