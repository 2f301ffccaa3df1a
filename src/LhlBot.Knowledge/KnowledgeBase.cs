using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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
/// CONTRACT ONLY — implemented by the knowledge work.
/// </summary>
public sealed class KnowledgeBase : IDisposable
{
    public KnowledgeBase(IOptions<KnowledgeOptions> options, ILogger<KnowledgeBase> logger) { }

    /// <summary>Builds the index from the source folder, reusing the stored one when the content hash is unchanged (unless forced). A broken document is reported and skipped.</summary>
    public IndexReport Build(bool force = false) => throw new NotImplementedException();

    /// <summary>The last build's report, or null before the first build.</summary>
    public IndexReport? LastBuild => throw new NotImplementedException();

    /// <summary>
    /// Answers a question. <paramref name="previousQuestion"/> lets a follow-up ("og for KS?") be read in its context.
    /// Never throws on user text.
    /// </summary>
    public SearchResult Search(string question, int maxResults = 10, string? previousQuestion = null) => throw new NotImplementedException();

    public void Dispose() { }
}

public sealed record IndexReport(int Documents, int Passages, bool Reused, TimeSpan Elapsed, string ContentHash, IReadOnlyList<DocumentProblem> Problems);

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
public sealed record SearchHit(string Document, string Title, string Section, string Text, string HighlightedText, double Score, string? Publisher, DateOnly? Date);
