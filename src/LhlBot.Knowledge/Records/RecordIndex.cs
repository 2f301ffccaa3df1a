using System.Text;
using LhlBot.Knowledge.Analysis;
using LhlBot.Knowledge.Search;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace LhlBot.Knowledge.Records;

/// <summary>
/// A short record to search beside the documents (for example a measure a municipality reported): a key the caller
/// knows it by, the text to search and show, and tags that are searched but not shown (a focus area's name).
/// </summary>
public sealed record SearchRecord(string Key, string Text, string Tags = "");

/// <param name="Coverage">The share of the question's words (after the ignored ones) found in the record, 0..1.</param>
/// <param name="HighlightedText">The record's text with the matched words in **bold** (Markdown).</param>
public sealed record RecordHit(string Key, double Coverage, double Score, string HighlightedText);

/// <summary>
/// A second source for the Norwegian search: records indexed in memory with the knowledge base's own analysis chain
/// (stems, nynorsk, compounds split by the documents' vocabulary, the synonyms file), so a question meets a record
/// the way it meets a passage. Immutable once built; the caller builds a new one when its records change.
/// </summary>
public sealed class RecordIndex : IDisposable
{
    private const string FieldKey = "key";
    private const string FieldText = "text";
    private const string FieldTags = "tags";

    private readonly NorwegianAnalyzer _analyzer;
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly Dictionary<string, SearchRecord> _records;

    internal RecordIndex(NorwegianAnalyzer analyzer, IEnumerable<SearchRecord> records)
    {
        _analyzer = analyzer;
        _records = records.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.First());
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(NorwegianAnalyzer.Lucene, analyzer) { Similarity = IndexGeneration.CreateSimilarity() }))
        {
            foreach (var record in _records.Values)
            {
                writer.AddDocument(new Document
                {
                    new StringField(FieldKey, record.Key, Field.Store.YES),
                    new TextField(FieldText, record.Text, Field.Store.NO),
                    new TextField(FieldTags, record.Tags, Field.Store.NO),
                });
            }
            writer.Commit();
        }
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = IndexGeneration.CreateSimilarity() };
    }

    public int Count => _records.Count;

    /// <summary>
    /// Records that hold at least <paramref name="minCoverage"/> of the question's words, best covered first.
    /// A word counts as found when any of its forms (stem, nynorsk spelling, synonym, compound part) is in the record.
    /// </summary>
    /// <param name="ignoredWords">Words that ask for records rather than describe their content («tiltak», «kommuner»); analysed like the question.</param>
    public IReadOnlyList<RecordHit> Search(string question, double minCoverage, IEnumerable<string>? ignoredWords = null, int maxResults = 50)
    {
        var ignored = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in ignoredWords ?? [])
            foreach (var token in _analyzer.Tokens(word, FieldText).Where(t => t.Role == TokenRole.Original)) ignored.Add(token.Term);

        var words = Words(ChatQuestion.Bare(question ?? "")).Where(w => !w.Original.Overlaps(ignored)).ToList();
        if (words.Count == 0 || _records.Count == 0) return [];

        var query = new BooleanQuery();
        foreach (var word in words)
        {
            var forms = new BooleanQuery();
            foreach (var term in word.All)
            {
                forms.Add(new TermQuery(new Term(FieldText, term)), Occur.SHOULD);
                forms.Add(new TermQuery(new Term(FieldTags, term)) { Boost = 0.5f }, Occur.SHOULD);
            }
            foreach (var term in word.Original.Where(t => t.Length >= QuestionWord.MinHead))
            {
                forms.Add(new PrefixQuery(new Term(FieldText, term)) { Boost = 0.5f }, Occur.SHOULD);
                forms.Add(new PrefixQuery(new Term(FieldTags, term)) { Boost = 0.25f }, Occur.SHOULD);
            }
            query.Add(forms, Occur.SHOULD);
        }
        var top = _searcher.Search(query, Math.Max(maxResults * 4, 50));
        var hits = new List<RecordHit>();
        foreach (var scored in top.ScoreDocs)
        {
            var key = _searcher.Doc(scored.Doc).Get(FieldKey);
            if (!_records.TryGetValue(key, out var record)) continue;
            var textTokens = _analyzer.Tokens(record.Text, FieldText);
            var present = textTokens.Select(t => t.Term).Concat(_analyzer.Tokens(record.Tags, FieldTags).Select(t => t.Term)).ToHashSet(StringComparer.Ordinal);
            var coverage = words.Sum(w => w.Credit(present)) / words.Count;
            if (coverage + 1e-9 < minCoverage) continue;
            var matched = words.Where(w => w.Credit(present) > 0).SelectMany(w => w.All).ToHashSet(StringComparer.Ordinal);
            hits.Add(new RecordHit(key, coverage, scored.Score, Highlight(record.Text, textTokens, matched)));
        }
        return hits.OrderByDescending(h => h.Coverage).ThenByDescending(h => h.Score).Take(maxResults).ToList();
    }

    /// <param name="Whole">The word's own forms: stem, spellings, synonyms.</param>
    /// <param name="All">With its compound parts («måltidsvenner» → måltid, venn).</param>
    private sealed record QuestionWord(HashSet<string> Original, HashSet<string> Whole, HashSet<string> All)
    {
        /// <summary>Shortest stem taken as the head of a compound the documents' vocabulary does not split («måltid» in «måltidsvenner»).</summary>
        internal const int MinHead = 4;

        /// <summary>
        /// 1 when the record has the word itself; half when they share only a compound part, or one word begins with
        /// the other's stem: «måltidsvenner» is more than «måltider».
        /// </summary>
        public double Credit(HashSet<string> present) =>
            Whole.Overlaps(present) ? 1
            : All.Overlaps(present) || Original.Any(t => present.Any(p => Math.Min(p.Length, t.Length) >= MinHead
                && (p.StartsWith(t, StringComparison.Ordinal) || t.StartsWith(p, StringComparison.Ordinal)))) ? 0.5
            : 0;
    }

    /// <summary>The question's words, each with every term the analysis gives it.</summary>
    private List<QuestionWord> Words(string text)
    {
        var words = new List<QuestionWord>();
        foreach (var group in _analyzer.Tokens(text, FieldText).GroupBy(t => (t.Start, t.End)))
        {
            var original = group.Where(t => t.Role == TokenRole.Original).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
            if (original.Count == 0) continue; // synonyms of a multi-word phrase belong to the words they stand on
            words.Add(new QuestionWord(original,
                group.Where(t => t.Role != TokenRole.CompoundPart).Select(t => t.Term).ToHashSet(StringComparer.Ordinal),
                group.Select(t => t.Term).ToHashSet(StringComparer.Ordinal)));
        }
        return words;
    }

    private static string Highlight(string text, List<AnalyzedToken> tokens, HashSet<string> matched)
    {
        var spans = tokens.Where(t => matched.Contains(t.Term) && t.End > t.Start && t.End <= text.Length)
            .Select(t => (t.Start, t.End)).Distinct().OrderBy(s => s.Start).ToList();
        var result = new StringBuilder();
        var at = 0;
        foreach (var (start, end) in spans)
        {
            if (start < at) continue;
            result.Append(text, at, start - at).Append("**").Append(text, start, end - start).Append("**");
            at = end;
        }
        return result.Append(text, at, text.Length - at).ToString();
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }
}
