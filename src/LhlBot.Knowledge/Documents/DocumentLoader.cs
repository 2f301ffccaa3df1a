using LhlBot.Knowledge.Analysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace LhlBot.Knowledge.Documents;

/// <summary>Reads .md/.txt documents with optional YAML-like front matter. A bad file becomes a problem, never an exception.</summary>
internal static partial class DocumentLoader
{
    internal static readonly string[] Extensions = [".md", ".txt"];

    /// <summary>Files that are documents: not the synonyms or thesaurus file (configuration) nor a questions file (questions about a document).</summary>
    internal static IEnumerable<string> DocumentFiles(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder)
                .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .Where(f => !Path.GetFileName(f).Equals(SynonymsFile.FileName, StringComparison.OrdinalIgnoreCase))
                .Where(f => !Path.GetFileName(f).Equals(SynonymsFile.ThesaurusFileName, StringComparison.OrdinalIgnoreCase))
                .Where(f => !AlternativeQuestions.IsQuestionsFile(f))
                .Order(StringComparer.Ordinal)
            : [];

    /// <summary>The questions files (<c>*.questions.md</c>) of the folder, in name order.</summary>
    internal static IEnumerable<string> QuestionFiles(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Where(AlternativeQuestions.IsQuestionsFile).Order(StringComparer.Ordinal)
            : [];

    internal static (List<SourceDocument> Documents, List<DocumentProblem> Problems) LoadFolder(string folder)
    {
        var docs = new List<SourceDocument>();
        var problems = new List<DocumentProblem>();
        if (!Directory.Exists(folder))
        {
            problems.Add(new DocumentProblem(folder, "Kildemappen finnes ikke."));
            return (docs, problems);
        }
        foreach (var file in DocumentFiles(folder))
        {
            var name = Path.GetFileName(file);
            try
            {
                var bytes = File.ReadAllBytes(file);
                var (doc, error) = Parse(Path.GetFileNameWithoutExtension(file), bytes);
                if (doc is null) problems.Add(new DocumentProblem(name, error!));
                else docs.Add(doc);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems.Add(new DocumentProblem(name, $"Kunne ikke lese filen: {ex.Message}"));
            }
        }
        return (docs, problems);
    }

    internal static (SourceDocument? Doc, string? Error) Parse(string fileName, byte[] bytes)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return (null, "Filen er ikke gyldig UTF-8-tekst.");
        }
        if (text.Contains('\0')) return (null, "Filen ser ut til å være binær, ikke tekst.");
        text = text.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n');
        if (string.IsNullOrWhiteSpace(text)) return (null, "Filen er tom.");

        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var body = text;
        if (text.StartsWith("---\n", StringComparison.Ordinal))
        {
            var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
            if (end < 0) return (null, "Front matter (---) er ikke avsluttet.");
            foreach (var line in text[4..end].Split('\n'))
            {
                var colon = line.IndexOf(':');
                if (colon <= 0) continue;
                var value = line[(colon + 1)..].Trim().Trim('"', '\'');
                meta[line[..colon].Trim()] = value;
            }
            var afterFence = text.IndexOf('\n', end + 1);
            body = afterFence < 0 ? "" : text[(afterFence + 1)..];
        }
        if (string.IsNullOrWhiteSpace(body)) return (null, "Dokumentet har ingen tekst.");

        var title = meta.GetValueOrDefault("title");
        if (string.IsNullOrWhiteSpace(title))
        {
            var heading = HeadingLine().Match(body);
            title = heading.Success ? TextCleaner.CleanInline(heading.Groups[1].Value) : fileName;
        }
        var dateText = meta.GetValueOrDefault("date");
        return (new SourceDocument(fileName, title, meta.GetValueOrDefault("publisher"), ParseDate(dateText), dateText,
            meta.GetValueOrDefault("kind"), meta.GetValueOrDefault("language"), body), null);
    }

    /// <summary>Accepts "2021-12-01" month precision "2021-05" and year "2020" (first day of the period).</summary>
    internal static DateOnly? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        if (DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out d)) return d;
        if (DateOnly.TryParseExact(text, "yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out d)) return d;
        return null;
    }

    [GeneratedRegex(@"^#{1,6}\s+(.+)$", RegexOptions.Multiline)]
    private static partial Regex HeadingLine();
}
