using LhlBot.Knowledge.Analysis;
using LhlBot.Knowledge.Documents;
using LhlBot.Knowledge.Search;

namespace LhlBot.Knowledge.Tests;

/// <summary>The domain thesaurus (knowledge/tesaurus.txt): related words meet through their concept, counting less than the word itself.</summary>
public class ThesaurusTests
{
    private static CorpusModel Corpus(string thesaurus) =>
        CorpusModel.Create([new Passage("d#1", "d", "T", "S", "Kommunen driver en institusjon og et helsehus.", null, null)], null, thesaurus);

    [Fact]
    public void Words_of_one_concept_group_share_the_concepts_term_marked_as_a_concept()
    {
        var analyzer = Corpus("sykehjem, institusjon, helsehus").Analyzer;
        var a = analyzer.Tokens("sykehjem");
        var b = analyzer.Tokens("institusjonene");
        var concept = Assert.Single(a, t => t.Role == TokenRole.Concept);
        Assert.StartsWith(SynonymsFile.ConceptPrefix, concept.Term);
        Assert.Contains(b, t => t.Term == concept.Term && t.Role == TokenRole.Concept);
        Assert.Contains(analyzer.Tokens("helsehuset"), t => t.Term == concept.Term);
        Assert.DoesNotContain(analyzer.Tokens("kommunen"), t => t.Role == TokenRole.Concept);
    }

    [Fact]
    public void A_concept_counts_less_than_the_word_itself()
    {
        var s = SearchSettings.Default;
        Assert.InRange(s.RoleWeight(TokenRole.Concept), 0.01, 0.99);
        Assert.Equal(1.0, s.RoleWeight(TokenRole.Original));
        Assert.False(TokenRole.Concept.IsWhole());
    }

    [Fact]
    public void The_committed_thesaurus_joins_the_concepts_people_and_documents_name_differently()
    {
        var thesaurus = File.ReadAllText(Path.Combine(TestSupport.KnowledgeFolder, SynonymsFile.ThesaurusFileName));
        var analyzer = CorpusModel.Create(TestSupport.AllPassages(), File.ReadAllText(Path.Combine(TestSupport.KnowledgeFolder, SynonymsFile.FileName)), thesaurus).Analyzer;
        string? ConceptOf(string word) => analyzer.Tokens(word).FirstOrDefault(t => t.Role == TokenRole.Concept)?.Term;
        // A place of care, a role, a focus area, money, people: each class has a group.
        foreach (var (a, b) in new[] { ("sykehjem", "institusjon"), ("jobb", "rolle"), ("hovedtema", "innsatsområde"), ("finansiering", "budsjett"), ("ansatte", "personell") })
        {
            Assert.NotNull(ConceptOf(a));
            Assert.Equal(ConceptOf(a), ConceptOf(b));
        }
    }

    [Fact]
    public void A_question_in_a_related_word_finds_the_passage_and_one_with_the_word_itself_ranks_first()
    {
        using var temp = new TempKnowledge(copyDocuments: false);
        File.WriteAllText(Path.Combine(temp.Source, SynonymsFile.ThesaurusFileName), "sykehjem, institusjon, helsehus\n");
        File.WriteAllText(Path.Combine(temp.Source, "a.md"), "---\ntitle: Bemanning\n---\n\n# Bemanning\n\nInstitusjonen har nattevakter hele uka.\n");
        File.WriteAllText(Path.Combine(temp.Source, "b.md"), "---\ntitle: Turnus\n---\n\n# Turnus\n\nKommunen lager turnus for sykehjemmet og nattevakter.\n");
        File.WriteAllText(Path.Combine(temp.Source, "c.md"), "---\ntitle: Annet\n---\n\n# Annet\n\nBiblioteket har åpent på lørdager.\n");
        using var kb = temp.Open();
        kb.Build();
        var related = kb.Search("Har helsehuset nattevakter?");
        Assert.Contains(related.Hits, h => h.Document == "a");
        Assert.Equal("b", kb.Search("nattevakter på sykehjemmet").Hits[0].Document);
    }
}
