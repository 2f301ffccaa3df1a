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

    internal static SynonymMap? Build(string? text, NorwegianAnalyzer baseAnalyzer) => Read(text, baseAnalyzer).Map;

    /// <summary>The map, and the shared term of every group («hdir» for Hdir, Helsedirektoratet …).</summary>
    internal static (SynonymMap? Map, HashSet<string> Shared) Read(string? text, NorwegianAnalyzer baseAnalyzer)
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
            shared.Add(target);
            foreach (var input in inputs)
            {
                var words = Analyse(input, baseAnalyzer);
                if (words.Length == 0 || (words.Length == 1 && words[0] == target)) continue;
                builder.Add(SynonymMap.Builder.Join(words, new CharsRef()), new CharsRef(target), includeOrig: true);
                any = true;
            }
        }
        return (any ? builder.Build() : null, shared);
    }

    private static string[] Analyse(string phrase, NorwegianAnalyzer analyzer) =>
        analyzer.Tokens(phrase.Trim()).Select(t => t.Term).ToArray();
}
