using System.Security.Cryptography;
using System.Text;
using LhlBot.Knowledge.Analysis;
using LhlBot.Knowledge.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace LhlBot.Knowledge.Search;

/// <summary>Reads the source folder, splits and indexes it into a fresh folder, or reuses the stored index when nothing changed.</summary>
internal static class IndexBuilder
{
    private const string CurrentFile = "current.txt";

    /// <param name="Passages">The documents' passages, alternative questions attached.</param>
    /// <param name="Synonyms">The synonyms file.</param>
    /// <param name="Thesaurus">The thesaurus file (concept groups, same format).</param>
    /// <param name="AnchorProblems">Questions files and anchors that could not be used; their questions are skipped.</param>
    internal sealed record Source(List<SourceDocument> Documents, List<Passage> Passages, List<DocumentProblem> Problems,
        List<DocumentProblem> AnchorProblems, string? Synonyms, string? Thesaurus, string Hash)
    {
        internal int AlternativeQuestionCount => Passages.Sum(p => p.Questions.Count);
    }

    internal static Source ReadSource(string sourceFolder)
    {
        var (docs, problems) = DocumentLoader.LoadFolder(sourceFolder);
        string? Read(string name)
        {
            var path = Path.Combine(sourceFolder, name);
            try
            {
                return File.Exists(path) ? File.ReadAllText(path) : null;
            }
            catch (IOException ex)
            {
                problems.Add(new DocumentProblem(name, $"Kunne ikke lese filen: {ex.Message}"));
                return null;
            }
        }
        var synonymsFile = Read(SynonymsFile.FileName);
        var thesaurus = Read(SynonymsFile.ThesaurusFileName);
        var questionFiles = new List<(string Name, string Text)>();
        foreach (var file in DocumentLoader.QuestionFiles(sourceFolder))
            if (Read(Path.GetFileName(file)) is { } text) questionFiles.Add((Path.GetFileName(file), text));
        var (passages, anchorProblems) = Passages(docs, questionFiles);
        return new Source(docs, passages, problems, anchorProblems, synonymsFile, thesaurus, Hash(docs, synonymsFile, thesaurus, questionFiles));
    }

    /// <summary>Splits the documents into passages and attaches each questions file's questions by their anchors.</summary>
    internal static (List<Passage> Passages, List<DocumentProblem> Problems) Passages(
        IReadOnlyList<SourceDocument> docs, IReadOnlyList<(string Name, string Text)> questionFiles)
    {
        var problems = new List<DocumentProblem>();
        var byDocument = docs.ToDictionary(d => d.FileName, d => PassageSplitter.Split(d), StringComparer.Ordinal);
        var attached = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, text) in questionFiles)
        {
            var document = AlternativeQuestions.DocumentOf(name);
            var (entries, parseProblems) = AlternativeQuestions.Parse(text);
            problems.AddRange(parseProblems.Select(p => new DocumentProblem(name, p)));
            if (!byDocument.TryGetValue(document, out var passages))
            {
                problems.Add(new DocumentProblem(name, $"Det finnes ikke noe dokument «{document}» i kunnskapsmappen; spørsmålene er hoppet over."));
                continue;
            }
            var (byPassage, anchorProblems) = AlternativeQuestions.Resolve(passages.Select(p => (p.Id, p.Text)).ToList(), entries);
            problems.AddRange(anchorProblems.Select(p => new DocumentProblem(name, p)));
            foreach (var (id, questions) in byPassage)
            {
                if (!attached.TryGetValue(id, out var list)) attached[id] = list = [];
                list.AddRange(questions.Where(q => !list.Contains(q, StringComparer.OrdinalIgnoreCase)));
            }
        }
        var result = docs.SelectMany(d => byDocument[d.FileName])
            .Select(p => attached.TryGetValue(p.Id, out var qs) ? p with { Questions = qs } : p).ToList();
        return (result, problems);
    }

    /// <summary>Documents, synonyms, questions files and the analysis and passage versions: any change means a new index.</summary>
    private static string Hash(List<SourceDocument> docs, string? synonyms, string? thesaurus, List<(string Name, string Text)> questionFiles)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string s) { sha.AppendData(Encoding.UTF8.GetBytes(s)); sha.AppendData([0]); }
        Add(NorwegianAnalyzer.Version);
        Add(PassageSplitter.Version);
        Add(IndexFields.Version);
        Add(PassageSplitter.MaxChars.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var d in docs)
        {
            Add(d.FileName); Add(d.Title); Add(d.Publisher ?? ""); Add(d.DateText ?? ""); Add(d.Body);
        }
        Add(synonyms ?? "");
        Add(thesaurus ?? "");
        foreach (var (name, text) in questionFiles) { Add(name); Add(text); }
        return Convert.ToHexString(sha.GetHashAndReset()).ToLowerInvariant();
    }

    /// <summary>The folder of the stored index for this hash, if it is there and readable.</summary>
    internal static string? StoredIndex(string indexRoot, string hash)
    {
        try
        {
            var current = Path.Combine(indexRoot, CurrentFile);
            if (!File.Exists(current)) return null;
            var lines = File.ReadAllLines(current);
            if (lines.Length < 2 || lines[1] != hash) return null;
            var folder = Path.Combine(indexRoot, lines[0]);
            using var dir = FSDirectory.Open(folder);
            return DirectoryReader.IndexExists(dir) ? folder : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    internal static (string Folder, CorpusModel Corpus, int Passages) Write(string indexRoot, Source source)
    {
        var passages = source.Passages;
        var corpus = CorpusModel.Create(passages, source.Synonyms, source.Thesaurus);
        System.IO.Directory.CreateDirectory(indexRoot);
        var name = $"{source.Hash[..16]}-{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid().ToString("N")[..6]}";
        var folder = Path.Combine(indexRoot, name);
        using (var dir = FSDirectory.Open(folder))
        {
            var config = new IndexWriterConfig(NorwegianAnalyzer.Lucene, corpus.Analyzer)
            {
                OpenMode = OpenMode.CREATE,
                Similarity = IndexGeneration.CreateSimilarity(),
            };
            using var writer = new IndexWriter(dir, config);
            foreach (var p in passages) writer.AddDocument(IndexFields.ToDocument(p));
            writer.Commit();
        }
        var tmp = Path.Combine(indexRoot, CurrentFile + ".tmp");
        File.WriteAllLines(tmp, [name, source.Hash]);
        File.Move(tmp, Path.Combine(indexRoot, CurrentFile), overwrite: true);
        return (folder, corpus, passages.Count);
    }

    /// <summary>Old index folders are removed once no longer current; one still being read is left for next time.</summary>
    internal static void CleanUp(string indexRoot, string keepFolder)
    {
        foreach (var dir in System.IO.Directory.EnumerateDirectories(indexRoot))
        {
            if (Path.GetFullPath(dir) == Path.GetFullPath(keepFolder)) continue;
            try { System.IO.Directory.Delete(dir, recursive: true); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
        }
    }
}
