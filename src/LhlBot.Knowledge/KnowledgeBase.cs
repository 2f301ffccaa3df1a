using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using LhlBot.Knowledge.Search;
using LhlBot.Knowledge.Documents;

namespace LhlBot.Knowledge;

/// <summary>Where the documents are and where the index goes; bound from the "Knowledge" configuration section.</summary>
public sealed class KnowledgeOptions
{
    /// <summary>Folder of .md/.txt documents with front matter, and the synonyms file.</summary>
    public string SourceFolder { get; set; } = "knowledge";

    /// <summary>Folder for the Lucene index (inside the data folder).</summary>
    public string IndexFolder { get; set; } = "index";
}

/// <summary>
/// The searchable knowledge base: documents split into passages, indexed with a Norwegian analysis chain.
/// Thread-safe: searches may run while <see cref="Build"/> swaps in a new index.
/// </summary>
public sealed class KnowledgeBase : IDisposable
{
    private readonly KnowledgeOptions _options;
    private readonly ILogger<KnowledgeBase> _logger;
    private readonly Lock _buildLock = new();
    private volatile IndexGeneration? _current;
    private volatile IndexReport? _lastBuild;
    private bool _disposed;

    public KnowledgeBase(IOptions<KnowledgeOptions> options, ILogger<KnowledgeBase> logger)
    {
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Ranking and confidence settings; the evaluation swaps these to compare variants.</summary>
    internal SearchSettings Settings { get; init; } = SearchSettings.Default;

    /// <summary>Builds the index from the source folder, reusing the stored one when the content hash is unchanged (unless forced). A broken document is reported and skipped.</summary>
    public IndexReport Build(bool force = false)
    {
        lock (_buildLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var source = IndexBuilder.ReadSource(_options.SourceFolder);
            foreach (var p in source.Problems) _logger.LogWarning("Knowledge document {File} skipped: {Reason}", p.File, p.Reason);
            foreach (var p in source.AnchorProblems) _logger.LogWarning("Alternative questions in {File} skipped: {Reason}", p.File, p.Reason);

            if (!force && _current is { } live && live.ContentHash == source.Hash)
                return Report(source, live, reused: true, watch);

            string folder;
            CorpusModel corpus;
            var reused = false;
            if (!force && IndexBuilder.StoredIndex(_options.IndexFolder, source.Hash) is { } stored)
            {
                folder = stored;
                corpus = CorpusModel.Create(source.Passages, source.Synonyms, source.Thesaurus);
                reused = true;
            }
            else
            {
                (folder, corpus, _) = IndexBuilder.Write(_options.IndexFolder, source);
            }
            var generation = IndexGeneration.Open(folder, source.Hash, corpus);
            var old = Interlocked.Exchange(ref _current, generation);
            old?.Release();
            IndexBuilder.CleanUp(_options.IndexFolder, folder);
            var report = Report(source, generation, reused, watch);
            _logger.LogInformation("Knowledge index {Action}: {Documents} documents, {Passages} passages, {Questions} alternative questions in {Elapsed} ms",
                reused ? "reused" : "built", report.Documents, report.Passages, report.AlternativeQuestions, report.Elapsed.TotalMilliseconds);
            return report;
        }
    }

    private IndexReport Report(IndexBuilder.Source source, IndexGeneration gen, bool reused, System.Diagnostics.Stopwatch watch)
    {
        var report = new IndexReport(gen.DocumentCount, gen.Passages.Length, reused, watch.Elapsed, source.Hash, source.Problems)
        {
            AlternativeQuestions = source.AlternativeQuestionCount,
            AnchorProblems = source.AnchorProblems,
        };
        _lastBuild = report;
        return report;
    }

    /// <summary>The last build's report, or null before the first build.</summary>
    public IndexReport? LastBuild => _lastBuild;

    /// <summary>
    /// Answers a question. <paramref name="previousQuestion"/> lets a follow-up ("og for KS?") be read in its context.
    /// Never throws on user text.
    /// </summary>
    public SearchResult Search(string question, int maxResults = 10, string? previousQuestion = null) =>
        SearchWithSignals(question, maxResults, previousQuestion).Result;

    internal (SearchResult Result, ConfidenceSignals? Signals) SearchWithSignals(string? question, int maxResults = 10, string? previousQuestion = null)
    {
        while (true)
        {
            var gen = _current;
            if (gen is null)
            {
                Build();
                continue;
            }
            // A rebuild may swap and release this generation meanwhile; holding a reference keeps its files open until we are done.
            if (!gen.Reader.TryIncRef()) continue;
            try
            {
                return QueryEngine.Search(gen, question, maxResults, previousQuestion, Settings);
            }
            finally
            {
                gen.Reader.DecRef();
            }
        }
    }

    internal IndexGeneration? Current => _current;

    /// <summary>
    /// Indexes short records (a second source beside the documents) with the current analysis chain: the documents'
    /// vocabulary for compounds and the synonyms file. Build a new one after a reindex or when the records change.
    /// </summary>
    public Records.RecordIndex IndexRecords(IEnumerable<Records.SearchRecord> records)
    {
        var gen = _current;
        if (gen is null)
        {
            Build();
            gen = _current!;
        }
        return new Records.RecordIndex(gen.Analyzer, records);
    }

    /// <summary>Changes whenever the index is rebuilt, so record indexes built with an older analysis can be replaced.</summary>
    public string? AnalysisHash => _current?.ContentHash;

    public void Dispose()
    {
        lock (_buildLock)
        {
            if (_disposed) return;
            _disposed = true;
            Interlocked.Exchange(ref _current, null)?.Release();
        }
    }
}

public sealed record IndexReport(int Documents, int Passages, bool Reused, TimeSpan Elapsed, string ContentHash, IReadOnlyList<DocumentProblem> Problems)
{
    /// <summary>Alternative questions attached to passages.</summary>
    public int AlternativeQuestions { get; init; }
    /// <summary>Questions files or anchors that could not be used (reported, skipped, never fatal).</summary>
    public IReadOnlyList<DocumentProblem> AnchorProblems { get; init; } = [];
}

public sealed record DocumentProblem(string File, string Reason);

/// <param name="Question">The question as searched (a follow-up joined with its context).</param>
/// <param name="IsFollowUp">True when the question was read in the context of the previous one.</param>
/// <param name="Answered">False when no passage answers it well enough ("fant ikke").</param>
/// <param name="Confidence">0..1.</param>
/// <param name="Hits">Best first.</param>
public sealed record SearchResult(string Question, bool IsFollowUp, bool Answered, double Confidence, IReadOnlyList<SearchHit> Hits);

/// <param name="Document">File name without extension.</param>
/// <param name="Section">Heading path, e.g. "3 Gjennomføring › 3.1 Samarbeid".</param>
/// <param name="Text">The passage as shown to the user.</param>
/// <param name="HighlightedText">The same text with matched words in **bold** (Markdown).</param>
/// <param name="Excerpt">The one or two sentences of the passage that best meet the question, highlighted; empty when
/// that would be (nearly) the whole passage.</param>
public sealed record SearchHit(string Document, string Title, string Section, string Text, string HighlightedText, double Score, string? Publisher, DateOnly? Date)
{
    public string Excerpt { get; init; } = "";
}
