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

    internal sealed record Source(List<SourceDocument> Documents, List<DocumentProblem> Problems, string? Synonyms, string Hash);

    internal static Source ReadSource(string sourceFolder)
    {
        var (docs, problems) = DocumentLoader.LoadFolder(sourceFolder);
        var synonymsPath = Path.Combine(sourceFolder, SynonymsFile.FileName);
        string? synonyms = null;
        try
        {
            if (File.Exists(synonymsPath)) synonyms = File.ReadAllText(synonymsPath);
        }
        catch (IOException ex)
        {
            problems.Add(new DocumentProblem(SynonymsFile.FileName, $"Kunne ikke lese synonymfilen: {ex.Message}"));
        }
        return new Source(docs, problems, synonyms, Hash(docs, synonyms));
    }

    /// <summary>Documents, synonyms and the analysis and passage versions: any change means a new index.</summary>
    private static string Hash(List<SourceDocument> docs, string? synonyms)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string s) { sha.AppendData(Encoding.UTF8.GetBytes(s)); sha.AppendData([0]); }
        Add(NorwegianAnalyzer.Version);
        Add(PassageSplitter.Version);
        Add(PassageSplitter.MaxChars.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var d in docs)
        {
            Add(d.FileName); Add(d.Title); Add(d.Publisher ?? ""); Add(d.DateText ?? ""); Add(d.Body);
        }
        Add(synonyms ?? "");
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
        var passages = source.Documents.SelectMany(PassageSplitter.Split).ToList();
        var corpus = CorpusModel.Create(passages, source.Synonyms);
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
