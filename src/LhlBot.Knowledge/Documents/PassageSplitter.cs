using System.Text;
using System.Text.RegularExpressions;

namespace LhlBot.Knowledge.Documents;

/// <summary>
/// Splits a document into passages a person can read in a card: on headings (Markdown or numbered plain lines),
/// then on paragraphs, packing whole paragraphs and whole sentences up to <see cref="MaxChars"/>.
/// Table rows keep their label (e.g. the office) in every passage cut from them.
/// </summary>
internal static partial class PassageSplitter
{
    /// <summary>Part of the index's content hash, as the analysis version is: bump when passages are cut differently.</summary>
    internal const string Version = "passages-4";
    internal const int MaxChars = 1200;
    private const int MinChars = 25;
    internal const string PathSeparator = " › ";

    private sealed record Block(string Text, int HeadingLevel = 0, string? Label = null, bool IsListItem = false)
    {
        public bool IsHeading => HeadingLevel > 0;
    }

    internal static List<Passage> Split(SourceDocument doc)
    {
        var blocks = MendWrappedParagraphs(ReadBlocks(doc.Body));
        var passages = new List<Passage>();
        var headings = new List<(int Level, string Text)>();
        var pending = new List<Block>();

        void FlushSection()
        {
            if (pending.Count == 0) return;
            var path = string.Join(PathSeparator, headings.Select(h => h.Text));
            foreach (var group in GroupByLabel(pending))
            {
                var section = group.Label is null ? path : (path.Length == 0 ? group.Label : path + PathSeparator + group.Label);
                var prefix = group.Label is null ? "" : group.Label + " – ";
                foreach (var text in Pack(group.Blocks, MaxChars - prefix.Length))
                {
                    var full = prefix + text;
                    if (full.Count(char.IsLetterOrDigit) < MinChars) continue;
                    passages.Add(new Passage($"{doc.FileName}#{passages.Count + 1}", doc.FileName, doc.Title,
                        section.Length == 0 ? doc.Title : section, full, doc.Publisher, doc.Date, doc.Kind));
                }
            }
            pending.Clear();
        }

        foreach (var block in blocks)
        {
            if (block.IsHeading)
            {
                FlushSection();
                // Converted PDFs level their headings unevenly («# Trinn 1», «## Trinn 2», «# Trinn 3»): a heading numbered
                // in the same series as an open one is its sibling, not its child.
                var level = SeriesLabel(block.Text) is { } series
                    && headings.FindIndex(h => SeriesLabel(h.Text) == series) is var sibling and >= 0
                    ? headings[sibling].Level
                    : block.HeadingLevel;
                headings.RemoveAll(h => h.Level >= level);
                headings.Add((level, block.Text));
            }
            else pending.Add(block);
        }
        FlushSection();
        return passages;
    }

    /// <summary>The word a numbered heading's series is named by («Trinn» of «Trinn 2 – Forankring», «Fase» of «Fase 3 …»); null for others.</summary>
    private static string? SeriesLabel(string heading) =>
        SeriesHeading().Match(heading) is { Success: true } m ? m.Groups[1].Value.ToLowerInvariant() : null;

    private static IEnumerable<(string? Label, List<Block> Blocks)> GroupByLabel(List<Block> blocks)
    {
        var current = new List<Block>();
        string? label = null;
        foreach (var b in blocks)
        {
            if (current.Count > 0 && b.Label != label)
            {
                yield return (label, current);
                current = [];
            }
            label = b.Label;
            current.Add(b);
        }
        if (current.Count > 0) yield return (label, current);
    }

    /// <summary>Packs paragraphs into passages; a paragraph too long for one passage is cut between sentences.</summary>
    private static IEnumerable<string> Pack(List<Block> blocks, int budget)
    {
        var sb = new StringBuilder();
        Block? previous = null;
        foreach (var block in blocks)
        {
            foreach (var piece in block.Text.Length <= budget ? [block.Text] : SplitLong(block.Text, budget))
            {
                var separator = sb.Length == 0 ? "" : (previous is { IsListItem: true } && block.IsListItem ? "\n" : "\n\n");
                if (sb.Length + separator.Length + piece.Length > budget && sb.Length > 0)
                {
                    // «… beskriver gjennomføringen av et dialogmøte på følgende måte:» belongs with what it introduces.
                    var (kept, leadIn) = SplitLeadIn(sb.ToString(), budget - separator.Length - piece.Length);
                    yield return kept;
                    sb.Clear();
                    if (leadIn.Length > 0) sb.Append(leadIn);
                    else separator = "";
                }
                sb.Append(separator).Append(piece);
                previous = block;
            }
        }
        if (sb.Length > 0) yield return sb.ToString();
    }

    /// <summary>
    /// The sentence that ends a passage with a colon («Ressurspersonene er:», «Overordnet skal reformen bidra til:»),
    /// taken off so it can open the next passage with the list or account it introduces; none when it would not fit
    /// there in <paramref name="room"/> characters or would leave too little behind.
    /// </summary>
    private static (string Kept, string LeadIn) SplitLeadIn(string text, int room)
    {
        var trimmed = text.TrimEnd();
        if (!trimmed.EndsWith(':')) return (text, "");
        var lastParagraph = trimmed[(trimmed.LastIndexOf('\n') + 1)..];
        var leadIn = Sentences(lastParagraph).LastOrDefault()?.Trim() ?? "";
        if (leadIn.Length == 0 || leadIn.Length > room || !trimmed.EndsWith(leadIn, StringComparison.Ordinal)) return (text, "");
        var kept = trimmed[..^leadIn.Length].TrimEnd();
        return kept.Count(char.IsLetterOrDigit) < 4 * MinChars ? (text, "") : (kept, leadIn);
    }

    private static IEnumerable<string> SplitLong(string text, int budget)
    {
        var sb = new StringBuilder();
        foreach (var sentence in Sentences(text))
        {
            foreach (var part in sentence.Length <= budget ? [sentence] : CutWords(sentence, budget))
            {
                if (sb.Length > 0 && sb.Length + 1 + part.Length > budget)
                {
                    yield return sb.ToString();
                    sb.Clear();
                }
                if (sb.Length > 0) sb.Append(' ');
                sb.Append(part);
            }
        }
        if (sb.Length > 0) yield return sb.ToString();
    }

    /// <summary>Last resort for a single sentence longer than a card: cut between words.</summary>
    private static IEnumerable<string> CutWords(string sentence, int budget)
    {
        var sb = new StringBuilder();
        foreach (var word in sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (sb.Length > 0 && sb.Length + 1 + word.Length > budget) { yield return sb.ToString(); sb.Clear(); }
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(word);
        }
        if (sb.Length > 0) yield return sb.ToString();
    }

    /// <summary>Sentence boundaries, not fooled by "pr. 1. mai", "f.eks." or "kap. 3".</summary>
    internal static List<string> Sentences(string text)
    {
        var result = new List<string>();
        var start = 0;
        foreach (Match m in SentenceEnd().Matches(text))
        {
            var candidate = text[start..m.Index].TrimEnd();
            var lastWord = candidate.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
            if (Abbreviation().IsMatch(lastWord)) continue;
            result.Add(text[start..m.Index].Trim());
            start = m.Index + m.Length;
        }
        if (start < text.Length) result.Add(text[start..].Trim());
        return result.Where(s => s.Length > 0).ToList();
    }

    private static List<Block> ReadBlocks(string body)
    {
        var lines = body.Split('\n');
        var repeated = RepeatedLines(lines);
        var blocks = new List<Block>();
        var paragraph = new StringBuilder();
        var paragraphLines = new List<string>();
        string? rowLabel = null;

        void Flush()
        {
            if (paragraph.Length == 0) return;
            var text = TextCleaner.CollapseWhitespace(paragraph.ToString());
            var isFigureText = IsFigureText(paragraphLines);
            paragraph.Clear();
            paragraphLines.Clear();
            if (text.Length > 0 && !isFigureText) blocks.Add(new Block(text));
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var raw = lines[i].TrimEnd();
            var trimmed = raw.Trim();
            if (trimmed.Length == 0) { Flush(); continue; }
            if (TableRule().IsMatch(trimmed) || TocLine().IsMatch(trimmed)) { Flush(); continue; }

            if (MarkdownHeading().Match(trimmed) is { Success: true } mh)
            {
                Flush();
                rowLabel = null;
                var text = TextCleaner.HeadingCase(TextCleaner.CleanInline(mh.Groups[2].Value));
                // A numbered heading's depth is its numbering ("3.1" = 2), whatever Markdown level the conversion gave it.
                var numbered = NumberedHeading().Match(text);
                var level = numbered.Success ? numbered.Groups[1].Value.TrimEnd('.').Split('.').Length : mh.Groups[1].Value.Length;
                if (text.Length > 0) blocks.Add(new Block(text, level));
                continue;
            }
            if (NumberedHeading().Match(trimmed) is { Success: true } nh && LooksLikeNumberedHeading(nh.Groups[2].Value)
                && (IsCapitals(nh.Groups[2].Value) || !NeighbourIsNumbered(lines, i)))
            {
                Flush();
                rowLabel = null;
                var level = nh.Groups[1].Value.TrimEnd('.').Split('.').Length;
                blocks.Add(new Block(TextCleaner.HeadingCase(TextCleaner.CleanInline(trimmed)), level));
                continue;
            }
            if (trimmed.StartsWith('|'))
            {
                Flush();
                var cells = trimmed.Trim('|').Split('|').Select(c => c.Trim()).ToList();
                if (cells.All(c => c.Length == 0)) continue;
                var label = TextCleaner.CleanInline(cells[0]);
                if (label.Length > 0) rowLabel = label;
                var content = string.Join(" ", cells.Skip(cells.Count > 1 ? 1 : 0));
                foreach (var part in CellBreak().Split(content))
                {
                    var cleaned = TextCleaner.CleanInline(part);
                    var isItem = cleaned.StartsWith("- ", StringComparison.Ordinal);
                    if (cleaned.Length > 0) blocks.Add(new Block(cleaned, Label: rowLabel, IsListItem: isItem));
                }
                continue;
            }
            rowLabel = null;
            if (repeated.Contains(trimmed) && !NextStartsLower(lines, i)) { Flush(); continue; }
            if (PlainHeadingCandidate(lines, i))
            {
                Flush();
                blocks.Add(new Block(TextCleaner.HeadingCase(TextCleaner.CleanInline(trimmed)), 6));
                continue;
            }
            if (ListItem().IsMatch(trimmed) || raw.Contains('\t'))
            {
                Flush();
                var cleaned = raw.Contains('\t')
                    ? string.Join(" – ", raw.Split('\t').Select(TextCleaner.CleanInline).Where(c => c.Length > 0))
                    : TextCleaner.CleanInline(trimmed);
                if (cleaned.Length > 0) blocks.Add(new Block(cleaned, IsListItem: true));
                continue;
            }
            var line = TextCleaner.CleanInline(trimmed);
            if (line.Length == 0) continue;
            var joined = TextCleaner.JoinBroken(paragraph.ToString(), line);
            paragraph.Clear().Append(joined);
            paragraphLines.Add(trimmed);
        }
        Flush();
        return blocks;
    }

    /// <summary>The PDF conversion put blank lines inside sentences; a paragraph ending mid-sentence and followed by a lower-case start is one paragraph.</summary>
    private static List<Block> MendWrappedParagraphs(List<Block> blocks)
    {
        var result = new List<Block>();
        foreach (var b in blocks)
        {
            if (result.Count > 0 && !b.IsHeading && !b.IsListItem && b.Label is null && b.Text.Length > 0 && char.IsLower(b.Text[0]))
            {
                var prev = result[^1];
                if (!prev.IsHeading && prev.Label is null && !TextCleaner.EndsSentence(prev.Text))
                {
                    result[^1] = prev with { Text = TextCleaner.JoinBroken(prev.Text, b.Text) };
                    continue;
                }
            }
            result.Add(b);
        }
        return result;
    }

    /// <summary>
    /// Labels inside a figure come out as a column of very short lines with words cut at the figure's edge
    /// ("mmmerer i / planverk- / ngsdel og / omiplan"); mended, they read as nonsense, so they are left out.
    /// A wrapped sentence or a narrow table cell has longer lines.
    /// </summary>
    private static bool IsFigureText(List<string> lines)
    {
        const int FigureLineChars = 12;
        if (lines.Count < 3 || lines.Any(l => l.Length > FigureLineChars)) return false;
        for (var i = 0; i + 1 < lines.Count; i++)
            if (lines[i].EndsWith('-') && char.IsLower(lines[i + 1][0])) return true;
        return false;
    }

    private static bool IsCapitals(string s) => s.Any(char.IsLetter) && !s.Any(char.IsLower);

    /// <summary>A numbered line next to other numbered lines is a list item, not a heading.</summary>
    private static bool NeighbourIsNumbered(string[] lines, int i)
    {
        var prev = lines.Take(i).Reverse().Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        var next = lines.Skip(i + 1).Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        return (prev is not null && NumberedHeading().IsMatch(prev)) || (next is not null && NumberedHeading().IsMatch(next));
    }

    private static bool LooksLikeNumberedHeading(string rest)
    {
        var t = rest.Trim();
        if (t.Length is 0 or > 70 || TextCleaner.EndsSentence(t) || t.EndsWith(',') || t.Contains(':') || t.Contains('(') || t.Contains(')')) return false;
        if (!char.IsUpper(TextCleaner.CleanInline(t).FirstOrDefault(char.IsLetter))) return false;
        return t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 8;
    }

    /// <summary>An unmarked short line standing alone before a table, a list or a long paragraph ("Status nettverk") is a heading.</summary>
    private static bool PlainHeadingCandidate(string[] lines, int i)
    {
        var t = TextCleaner.CleanInline(lines[i]);
        if (t.Length is < 4 or > 60 || !char.IsUpper(t[0]) || TextCleaner.EndsSentence(t) || t.EndsWith(',') || t.Contains('\t')) return false;
        if (t.Split(' ').Length > 6 || ListItem().IsMatch(t)) return false;
        if (i > 0 && lines[i - 1].Trim().Length > 0) return false;
        if (i + 1 < lines.Length && lines[i + 1].Trim().Length > 0) return false;
        var next = lines.Skip(i + 1).Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        return next is not null && (next.StartsWith('|') || ListItem().IsMatch(next) || next.Length >= 80);
    }

    private static bool NextStartsLower(string[] lines, int i)
    {
        var next = lines.Skip(i + 1).Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        return next is not null && char.IsLower(next[0]);
    }

    /// <summary>Short lines repeated on many pages (running headers and footers, "Klikk her").</summary>
    private static HashSet<string> RepeatedLines(string[] lines) =>
        lines.Select(l => l.Trim())
            .Where(l => l.Length is > 0 and <= 40 && !l.StartsWith('#') && !l.StartsWith('|') && !ListItem().IsMatch(l) && char.IsUpper(TextCleaner.CleanInline(l).FirstOrDefault('x')))
            .GroupBy(l => l).Where(g => g.Count() >= 3).Select(g => g.Key).ToHashSet();

    [GeneratedRegex(@"^(#{1,6})\s+(.*)$")] private static partial Regex MarkdownHeading();
    [GeneratedRegex(@"^\W*(\p{L}+)\s+\d{1,2}\b")] private static partial Regex SeriesHeading();
    [GeneratedRegex(@"^(\d{1,2}(?:\.\d{1,2})*\.?)\s+(\S.*)$")] private static partial Regex NumberedHeading();
    [GeneratedRegex(@"^[\s|:\-\t]*-{3,}[\s|:\-\t]*$")] private static partial Regex TableRule();
    [GeneratedRegex(@"\.{4,}\s*\d*\s*$")] private static partial Regex TocLine();
    [GeneratedRegex(@"^([-•*]|\d+\.|[a-z]\))\s+")] private static partial Regex ListItem();
    [GeneratedRegex(@"</p>\s*<p>|<ul[^>]*>|</?li>|(?<=\S)\s+(?=- [A-ZÆØÅ])")] private static partial Regex CellBreak();
    [GeneratedRegex(@"(?<=[.!?])\s+(?=[«""(\p{Lu}\d])")] private static partial Regex SentenceEnd();
    [GeneratedRegex(@"^(pr|jf|ca|kap|nr|mill|mrd|f\.eks|bl\.a|dvs|tlf|ev|evt|gr|avd|e\.f|m\.m|mv|osv|kl|s|st|t\.h|t\.v|\d{1,2})\.$", RegexOptions.IgnoreCase)] private static partial Regex Abbreviation();
}
