using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Util;

namespace LhlBot.Knowledge.Analysis;

/// <summary>
/// Reads the administrators' synonyms file (Solr format) into a map where every form of a group also yields the
/// group's first entry as one shared term. The originals are kept, so exact words still score.
/// </summary>
internal static class SynonymsFile
{
    internal const string FileName = "synonymer.txt";

    /// <summary>The domain thesaurus: concept groups in the same format, read after the synonyms file.</summary>
    internal const string ThesaurusFileName = "tesaurus.txt";

    /// <summary>Marks a thesaurus concept's shared term in the index («≈rolle»), so it never meets a word of the text.</summary>
    internal const string ConceptPrefix = "≈";

    internal static SynonymMap? Build(string? text, NorwegianAnalyzer baseAnalyzer) => Read(text, baseAnalyzer).Map;

    /// <summary>The map, and the shared term of every group («hdir» for Hdir, Helsedirektoratet …).</summary>
    /// <param name="prefix">Put before each group's shared term: <see cref="ConceptPrefix"/> for the thesaurus, whose
    /// groups are related words rather than the same word, so a match through them can count less.</param>
    internal static (SynonymMap? Map, HashSet<string> Shared) Read(string? text, NorwegianAnalyzer baseAnalyzer, string prefix = "")
    {
        var shared = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text)) return (null, shared);
        var builder = new SynonymMap.Builder(dedup: true);
        var any = false;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            string[] inputs;
            string canonical;
            var arrow = line.IndexOf("=>", StringComparison.Ordinal);
            if (arrow >= 0)
            {
                inputs = line[..arrow].Split(',');
                canonical = line[(arrow + 2)..].Split(',')[0];
            }
            else
            {
                inputs = line.Split(',');
                canonical = inputs[0];
            }
            var target = string.Join("_", Analyse(canonical, baseAnalyzer));
            if (target.Length == 0) continue;
            target = prefix + target;
            shared.Add(target);
            foreach (var input in prefix.Length == 0 ? inputs : inputs.SelectMany(Inflections))
            {
                var words = prefix.Length == 0 ? Analyse(input, baseAnalyzer) : Words(input, baseAnalyzer);
                if (words.Length == 0 || (words.Length == 1 && words[0] == target)) continue;
                builder.Add(SynonymMap.Builder.Join(words, new CharsRef()), new CharsRef(target), includeOrig: true);
                any = true;
            }
        }
        return (any ? builder.Build() : null, shared);
    }

    private static string[] Analyse(string phrase, NorwegianAnalyzer analyzer) =>
        analyzer.Tokens(phrase.Trim()).Select(t => t.Term).ToArray();

    /// <summary>One term per word position (the word as analysed, not what stands stacked beside it), for a phrase to match.</summary>
    private static string[] Words(string phrase, NorwegianAnalyzer analyzer) =>
        analyzer.Tokens(phrase.Trim()).GroupBy(t => t.Position)
            .Select(g => (g.FirstOrDefault(t => t.Role == TokenRole.Original) ?? g.First()).Term).ToArray();

    /// <summary>
    /// A concept's word with the endings of its definite and plural forms, bokmål and nynorsk: the light stemmer does
    /// not bring every form to one stem («institusjon» → «institusjo», «institusjonen» → «institusjon»), so each form
    /// is listed. Only the last word of a phrase is inflected.
    /// </summary>
    private static IEnumerable<string> Inflections(string entry)
    {
        var e = entry.Trim();
        yield return e;
        if (e.Length < 3 || !char.IsLetter(e[^1])) yield break;
        foreach (var ending in InflectionEndings) yield return e + ending;
    }

    private static readonly string[] InflectionEndings = ["en", "et", "a", "er", "ene", "ar", "ane", "e", "s"];
}
