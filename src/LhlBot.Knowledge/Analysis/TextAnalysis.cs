using Lucene.Net.Analysis.Util;

namespace LhlBot.Knowledge.Analysis;

/// <summary>
/// The search's Norwegian analysis for other uses than the index (the bot's request recogniser): a text becomes the
/// terms the search would match on — stems that keep verb roots, nynorsk spellings read as bokmål, æøå folded,
/// abbreviations and synonyms to one shared term, compounds split on a given vocabulary — and one-letter typos
/// are judged as the search judges them. Immutable and thread-safe once built.
/// </summary>
public sealed class TextAnalysis
{
    private readonly NorwegianAnalyzer analyzer;

    private TextAnalysis(NorwegianAnalyzer analyzer) => this.analyzer = analyzer;

    /// <param name="synonymsText">A synonyms file in the knowledge base's format (null: none).</param>
    /// <param name="vocabularyTexts">Texts whose words are the vocabulary compounds are split on («veiledningsmøtet» → + møte).</param>
    public static TextAnalysis Create(string? synonymsText, IEnumerable<string> vocabularyTexts)
    {
        var plain = new NorwegianAnalyzer();
        var vocabulary = new CharArraySet(NorwegianAnalyzer.Lucene, 512, ignoreCase: false);
        foreach (var text in vocabularyTexts)
        {
            foreach (var token in plain.Tokens(text))
                if (token.Term.Length >= 3) vocabulary.Add(token.Term);
        }
        var synonyms = SynonymsFile.Build(synonymsText, plain);
        return new TextAnalysis(new NorwegianAnalyzer(synonyms, vocabulary));
    }

    /// <summary>The terms of a text, each once, in order: its words' stems and folded forms, synonyms' shared terms and compound parts.
    /// Function and question words are left out, as the search leaves them out.</summary>
    public IReadOnlyList<string> Terms(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        try
        {
            return analyzer.Tokens(text).Select(t => t.Term).Distinct(StringComparer.Ordinal).ToList();
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return [];
        }
    }

    /// <summary>True when <paramref name="typed"/> is one typo from <paramref name="term"/> as the search judges it
    /// (one insertion, deletion, substitution or swap, same first letter).</summary>
    public static bool IsTypoOf(string term, string typed) => Search.Levenshtein.IsTypoOf(term, typed);
}
