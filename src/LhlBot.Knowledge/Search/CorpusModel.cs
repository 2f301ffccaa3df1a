using System.Text.RegularExpressions;
using LhlBot.Knowledge.Analysis;
using LhlBot.Knowledge.Documents;
using Lucene.Net.Analysis.Util;

namespace LhlBot.Knowledge.Search;

/// <summary>
/// What the analysis learns from the corpus itself: its vocabulary (for splitting compounds) and its proper names
/// (words the documents write with a capital inside a sentence: places, offices, organisations).
/// Derived from the passages alone, so a stored index and its analyzer always agree.
/// </summary>
internal sealed partial class CorpusModel
{
    internal required NorwegianAnalyzer Analyzer { get; init; }
    internal required HashSet<string> Names { get; init; }
    /// <summary>Words the documents also write in lower case inside a sentence: «Aldersvennlig Norge» is no person's name.</summary>
    internal required HashSet<string> LowerCaseWords { get; init; }
    /// <summary>The shared term of each synonyms-file group («hdir»): a word found through its other forms.</summary>
    internal required HashSet<string> SynonymTerms { get; init; }

    internal static CorpusModel Create(IReadOnlyList<Passage> passages, string? synonymsText, string? thesaurusText = null)
    {
        var plain = new NorwegianAnalyzer();
        var vocabulary = new CharArraySet(NorwegianAnalyzer.Lucene, 4096, ignoreCase: false);
        var capitalised = new Dictionary<string, (int Upper, int Lower)>(StringComparer.Ordinal);
        foreach (var text in passages.Select(p => p.Text).Concat(passages.Select(p => p.Title)).Distinct())
        {
            foreach (var token in plain.Tokens(text))
                if (token.Term.Length >= 3) vocabulary.Add(token.Term);
            foreach (Match m in Word().Matches(text))
            {
                if (StartsSentence(text, m.Index)) continue;
                var terms = plain.Tokens(m.Value);
                if (terms.Count != 1) continue;
                var c = capitalised.GetValueOrDefault(terms[0].Term);
                capitalised[terms[0].Term] = char.IsUpper(m.Value[0]) ? (c.Upper + 1, c.Lower) : (c.Upper, c.Lower + 1);
            }
        }
        var names = capitalised.Where(kv => kv.Value.Upper >= 1 && kv.Value.Upper >= 4 * kv.Value.Lower && kv.Key.Length >= 2 && !kv.Key.Any(char.IsDigit))
            .Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
        var (synonyms, shared) = SynonymsFile.Read(synonymsText, plain);
        // Concept groups are read through the synonyms, so a group may name a word by any of its forms.
        var (concepts, _) = SynonymsFile.Read(thesaurusText, new NorwegianAnalyzer(synonyms), SynonymsFile.ConceptPrefix);
        var lower = capitalised.Where(kv => kv.Value.Lower > 0).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
        return new CorpusModel { Analyzer = new NorwegianAnalyzer(synonyms, vocabulary, concepts), Names = names, LowerCaseWords = lower, SynonymTerms = shared };
    }

    [GeneratedRegex(@"\p{L}[\p{L}\p{N}]*")] private static partial Regex Word();
    private static bool StartsSentence(string text, int index)
    {
        var j = index - 1;
        while (j >= 0 && text[j] is ' ' or '\t' or '«' or '"' or '(') j--;
        return j < 0 || ".!?:•-–\n".Contains(text[j]);
    }
}
