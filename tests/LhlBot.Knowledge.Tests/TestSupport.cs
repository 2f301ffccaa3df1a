using LhlBot.Knowledge.Analysis;
using LhlBot.Knowledge.Documents;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LhlBot.Knowledge.Tests;

/// <summary>Real documents from the repository's knowledge/ folder, real indexes in temp folders.</summary>
internal static class TestSupport
{
    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LhlBot.sln"))) return dir.FullName;
        throw new InvalidOperationException("LhlBot.sln not found above the test folder.");
    }

    internal static string KnowledgeFolder => Path.Combine(RepoRoot(), "knowledge");

    internal static SourceDocument LoadDocument(string name)
    {
        var path = Path.Combine(KnowledgeFolder, name + ".md");
        var (doc, error) = DocumentLoader.Parse(name, File.ReadAllBytes(path));
        return doc ?? throw new InvalidOperationException(error);
    }

    internal static List<Passage> AllPassages() =>
        DocumentLoader.DocumentFiles(KnowledgeFolder)
            .Select(f => LoadDocument(Path.GetFileNameWithoutExtension(f)))
            .SelectMany(PassageSplitter.Split).ToList();
}

/// <summary>A temp folder with a copy of the knowledge documents and a knowledge base over it.</summary>
internal sealed class TempKnowledge : IDisposable
{
    internal string Root { get; } = Path.Combine(Path.GetTempPath(), "lhlbot-test-" + Guid.NewGuid().ToString("N"));
    internal string Source => Path.Combine(Root, "knowledge");
    internal string Index => Path.Combine(Root, "index");

    internal TempKnowledge(bool copyDocuments = true)
    {
        Directory.CreateDirectory(Source);
        if (copyDocuments)
            foreach (var f in Directory.GetFiles(TestSupport.KnowledgeFolder))
                File.Copy(f, Path.Combine(Source, Path.GetFileName(f)));
    }

    internal KnowledgeBase Open() =>
        new(Options.Create(new KnowledgeOptions { SourceFolder = Source, IndexFolder = Index }), NullLogger<KnowledgeBase>.Instance);

    public void Dispose()
    {
        try { Directory.Delete(Root, true); } catch (IOException) { }
    }
}

/// <summary>One shared, built knowledge base for the read-only search tests.</summary>
public sealed class BuiltKnowledge : IDisposable
{
    private readonly TempKnowledge _temp = new();
    internal KnowledgeBase Kb { get; }

    public BuiltKnowledge()
    {
        Kb = _temp.Open();
        Kb.Build();
    }

    public void Dispose()
    {
        Kb.Dispose();
        _temp.Dispose();
    }
}
