using LhlBot.Knowledge.Analysis;
using LhlBot.Knowledge.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace LhlBot.Knowledge.Search;

/// <summary>
/// One opened index with everything a search needs beside it: the query analyzer (with the same vocabulary the index
/// was built with), the passages, their terms for confidence and highlighting, and the corpus' proper names.
/// Immutable once built; swapped as a whole, reference-counted so a search in flight finishes on its generation.
/// </summary>
internal sealed class IndexGeneration
{
    internal const string FieldBody = "body";
    internal const string FieldHead = "head";

    internal required string Folder { get; init; }
    internal required string ContentHash { get; init; }
    internal required FSDirectory Directory { get; init; }
    internal required DirectoryReader Reader { get; init; }
    internal required IndexSearcher Searcher { get; init; }
    internal required NorwegianAnalyzer Analyzer { get; init; }
    internal required Passage[] Passages { get; init; }
    internal required PassageTerms[] Terms { get; init; }
    internal required HashSet<string> Names { get; init; }
    internal required int DocumentCount { get; init; }

    internal static Similarity CreateSimilarity() => new BM25Similarity(k1: 1.2f, b: 0.6f);

    internal static IndexGeneration Open(string folder, string hash, CorpusModel corpus)
    {
        var directory = FSDirectory.Open(folder);
        var reader = DirectoryReader.Open(directory);
        var passages = new Passage[reader.MaxDoc];
        for (var i = 0; i < reader.MaxDoc; i++) passages[i] = IndexFields.ToPassage(reader.Document(i));
        var terms = passages.Select(p => PassageTerms.Analyse(p, corpus.Analyzer)).ToArray();
        return new IndexGeneration
        {
            Folder = folder,
            ContentHash = hash,
            Directory = directory,
            Reader = reader,
            Searcher = new IndexSearcher(reader) { Similarity = CreateSimilarity() },
            Analyzer = corpus.Analyzer,
            Passages = passages,
            Terms = terms,
            Names = corpus.Names,
            DocumentCount = passages.Select(p => p.Document).Distinct().Count(),
        };
    }

    internal int DocFreq(string term) =>
        Reader.DocFreq(new Term(FieldBody, term)) + Reader.DocFreq(new Term(FieldHead, term));

    /// <summary>Drops the generation's own reference; the files close when the last search using it is done.</summary>
    internal void Release()
    {
        Reader.DecRef();
    }
}

/// <summary>A passage's analysed terms (text, title and section) and where each word sits in the text.</summary>
internal sealed record PassageTerms(HashSet<string> All, List<AnalyzedToken> TextTokens)
{
    internal static PassageTerms Analyse(Passage p, NorwegianAnalyzer analyzer)
    {
        var text = analyzer.Tokens(p.Text);
        var all = text.Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        foreach (var t in analyzer.Tokens(IndexFields.HeadText(p), IndexGeneration.FieldHead)) all.Add(t.Term);
        return new PassageTerms(all, text);
    }
}
