using System.Text;

namespace LhlBot.Knowledge.Documents;

/// <summary>One «## anker: …» entry of a questions file: a short quote from a passage and the questions asked of it.</summary>
/// <param name="Line">1-based line of the anchor heading, for reports.</param>
public sealed record AlternativeQuestionEntry(string Anchor, IReadOnlyList<string> Questions, int Line);

/// <summary>
/// The alternative questions of one document, read from <c>&lt;document&gt;.questions.md</c> beside it:
/// <code>
/// # Alternative spørsmål: Dokumentets tittel
/// ## anker: et kort, ordrett sitat fra avsnittet
/// - Et spørsmål med andre ord enn dokumentets?
/// </code>
/// Each entry is anchored on a quote rather than a passage number, so it survives re-splitting: at index time its
/// questions attach to the one passage whose text holds the quote (case and whitespace ignored).
/// </summary>
public static class AlternativeQuestions
{
    /// <summary>How a questions file is named: the document's file name without extension, then this.</summary>
    public const string Suffix = ".questions.md";

    private const string AnchorPrefix = "anker:";

    /// <summary>True for a questions file (never indexed as a document).</summary>
    public static bool IsQuestionsFile(string path) => path.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The document a questions file belongs to («veileder.questions.md» → «veileder»).</summary>
    public static string DocumentOf(string path)
    {
        var name = Path.GetFileName(path);
        return name[..^Suffix.Length];
    }

    /// <summary>Reads the entries; a malformed line is a problem, never an exception.</summary>
    public static (List<AlternativeQuestionEntry> Entries, List<string> Problems) Parse(string text)
    {
        var entries = new List<AlternativeQuestionEntry>();
        var problems = new List<string>();
        string? anchor = null;
        var anchorLine = 0;
        var questions = new List<string>();
        var inComment = false;

        void Flush()
        {
            if (anchor is null) return;
            if (questions.Count == 0) problems.Add($"linje {anchorLine}: ankeret «{anchor}» har ingen spørsmål");
            else entries.Add(new AlternativeQuestionEntry(anchor, questions.ToList(), anchorLine));
            anchor = null;
            questions.Clear();
        }

        var lines = (text ?? "").Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (inComment)
            {
                if (line.Contains("-->", StringComparison.Ordinal)) inComment = false;
                continue;
            }
            if (line.StartsWith("<!--", StringComparison.Ordinal))
            {
                inComment = !line.Contains("-->", StringComparison.Ordinal);
                continue;
            }
            if (line.Length == 0 || line.StartsWith("# ", StringComparison.Ordinal)) continue;
            if (line.StartsWith("##", StringComparison.Ordinal))
            {
                Flush();
                var heading = line.TrimStart('#').Trim();
                if (!heading.StartsWith(AnchorPrefix, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"linje {i + 1}: overskriften må begynne med «## anker:»");
                    continue;
                }
                var quote = heading[AnchorPrefix.Length..].Trim().Trim('«', '»', '"', '“', '”');
                if (Normalise(quote).Length == 0)
                {
                    problems.Add($"linje {i + 1}: ankeret er tomt");
                    continue;
                }
                anchor = quote;
                anchorLine = i + 1;
                continue;
            }
            if (line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal))
            {
                var q = line[2..].Trim();
                if (anchor is null) problems.Add($"linje {i + 1}: spørsmålet står ikke under et anker");
                else if (q.Length > 0) questions.Add(q);
                continue;
            }
            problems.Add($"linje {i + 1}: forventet «## anker: …» eller «- spørsmål»");
        }
        Flush();
        return (entries, problems);
    }

    /// <summary>
    /// Attaches each entry's questions to the passage of <paramref name="passages"/> (one document's) whose text holds the
    /// anchor. An anchor found in no passage, or in more than one, is reported and its questions skipped.
    /// </summary>
    public static (Dictionary<string, List<string>> ByPassage, List<string> Problems) Resolve(
        IReadOnlyList<(string Id, string Text)> passages, IEnumerable<AlternativeQuestionEntry> entries)
    {
        var normalised = passages.Select(p => (p.Id, Text: Normalise(p.Text))).ToList();
        var byPassage = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var e in entries)
        {
            var quote = Normalise(e.Anchor);
            var holders = normalised.Where(p => Contains(p.Text, quote)).Select(p => p.Id).ToList();
            if (holders.Count == 0)
            {
                problems.Add($"linje {e.Line}: ankeret «{Shorten(e.Anchor)}» finnes ikke i noe avsnitt ({e.Questions.Count} spørsmål hoppet over)");
                continue;
            }
            if (holders.Count > 1)
            {
                problems.Add($"linje {e.Line}: ankeret «{Shorten(e.Anchor)}» står i {holders.Count} avsnitt; gjør sitatet lengre ({e.Questions.Count} spørsmål hoppet over)");
                continue;
            }
            if (!byPassage.TryGetValue(holders[0], out var list)) byPassage[holders[0]] = list = [];
            foreach (var q in e.Questions)
                if (!list.Contains(q, StringComparer.OrdinalIgnoreCase)) list.Add(q);
        }
        return (byPassage, problems);
    }

    /// <summary>The quote as compared: lower case, every run of non-letters and non-digits one space (so markup and line breaks do not matter).</summary>
    internal static string Normalise(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append(' ');
        var space = true;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) { sb.Append(char.ToLowerInvariant(c)); space = false; }
            else if (!space) { sb.Append(' '); space = true; }
        }
        if (!space) sb.Append(' ');
        return sb.ToString();
    }

    // Both sides are padded with spaces, so a quote matches whole words only.
    private static bool Contains(string text, string quote) => quote.Trim().Length > 0 && text.Contains(quote, StringComparison.Ordinal);

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..59] + "…";

    /// <summary>Appends an entry to a questions file's text (creating the header when the file is new).</summary>
    public static string Append(string? existing, string documentTitle, string anchor, IEnumerable<string> questions)
    {
        var sb = new StringBuilder();
        if (string.IsNullOrWhiteSpace(existing)) sb.Append("# Alternative spørsmål: ").Append(documentTitle).Append('\n');
        else sb.Append(existing.TrimEnd('\n', '\r', ' ')).Append('\n');
        sb.Append('\n').Append("## anker: ").Append(anchor.Replace('\n', ' ').Trim()).Append('\n');
        foreach (var q in questions) sb.Append("- ").Append(q.Replace('\n', ' ').Trim()).Append('\n');
        return sb.ToString();
    }
}
