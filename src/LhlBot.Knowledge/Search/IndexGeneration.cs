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
    /// <summary>The passage's alternative questions: people's own words for what it answers, analysed like the text.</summary>
    internal const string FieldQuestions = "questions";

    internal required string Folder { get; init; }
    internal required string ContentHash { get; init; }
    internal required FSDirectory Directory { get; init; }
    internal required DirectoryReader Reader { get; init; }
    internal required IndexSearcher Searcher { get; init; }
    internal required NorwegianAnalyzer Analyzer { get; init; }
    internal required Passage[] Passages { get; init; }
    internal required PassageTerms[] Terms { get; init; }
    internal required HashSet<string> Names { get; init; }
    /// <summary>
    /// The words a document is called by, in their definite forms too: its kind («veileder», «statusnotat»), the first
    /// word of its title when no other document's headings hold it («Notat», «Veiledningshefte»), and such a word's last
    /// part when no other document uses it («hefte»). «ifølge veiledningsheftet» names a document as «i Nordland» a region.
    /// </summary>
    internal required HashSet<string> DocumentNames { get; init; }
    /// <summary>The shared term of each synonyms-file group («hdir»).</summary>
    internal required HashSet<string> SynonymTerms { get; init; }
    internal required int DocumentCount { get; init; }
    /// <summary>The body's vocabulary, for finding the common spelling of a rare word.</summary>
    internal required string[] BodyTerms { get; init; }
    /// <summary>Every word some number in the documents counts: the things «hvor mange» can be asked of.</summary>
    internal required HashSet<string> CountedTerms { get; init; }
    /// <summary>Each word as the documents write it (lower-cased, folded) with the terms it was analysed into, for typos.</summary>
    internal required Dictionary<string, HashSet<string>> WrittenWords { get; init; }

    internal static Similarity CreateSimilarity() => new BM25Similarity(k1: 1.2f, b: 0.6f);

    internal static IndexGeneration Open(string folder, string hash, CorpusModel corpus)
    {
        var directory = FSDirectory.Open(folder);
        var reader = DirectoryReader.Open(directory);
        var passages = new Passage[reader.MaxDoc];
        for (var i = 0; i < reader.MaxDoc; i++) passages[i] = IndexFields.ToPassage(reader.Document(i));
        var topicNames = corpus.Names.Where(n => IsTopic(DocFreq(reader, n), passages.Length)).ToHashSet(StringComparer.Ordinal);
        var terms = passages.Select(p => PassageTerms.Analyse(p, corpus, topicNames)).ToArray();
        var documentNames = NameDocuments(passages, terms, corpus);
        foreach (var q in terms.SelectMany(t => t.Questions))
            q.Weigh(term => Idf(DocFreq(reader, term), passages.Length));
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
            DocumentNames = documentNames,
            SynonymTerms = corpus.SynonymTerms,
            DocumentCount = passages.Select(p => p.Document).Distinct().Count(),
            BodyTerms = ReadTerms(reader, FieldBody),
            WrittenWords = ReadWrittenWords(passages, terms),
            CountedTerms = terms.SelectMany(t => t.Counted).SelectMany(c => c).ToHashSet(StringComparer.Ordinal),
        };
    }

    /// <summary>
    /// Finds the words each document is called by (see <see cref="DocumentNames"/>) and counts them as heading words of
    /// every passage of that document, as its title is: «Hva sier veilederen om forankring?» looks in the guide.
    /// </summary>
    private static HashSet<string> NameDocuments(Passage[] passages, PassageTerms[] terms, CorpusModel corpus)
    {
        // A word and its definite forms, which the light stemmer does not always join («veiledningshefte» → «veiledningshef»,
        // «veiledningsheftet» → «veiledningsheft»; «veileder» → «veiled», «veilederen» → «veileder»).
        IEnumerable<string> Forms(string? word) => string.IsNullOrWhiteSpace(word) ? []
            : new[] { "", "en", "et", "t", "a", "n" }.SelectMany(ending => corpus.Analyzer.Tokens(word + ending, FieldHead))
                .Where(t => t.Role == TokenRole.Original).Select(t => t.Term);
        var indexed = passages.Select((p, i) => (p, i)).ToList();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var owned = new List<(List<int> Members, HashSet<string> Own)>();
        foreach (var doc in indexed.GroupBy(x => x.p.Document))
        {
            var first = doc.First().p;
            var own = Forms(first.Kind).ToHashSet(StringComparer.Ordinal);
            // Not a body's name that opens a title («Fylkesmannens oppgaver …»): that names who, not which document.
            var titleWord = first.Title.Split([' ', '–', '-', ','], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            var titleTerm = corpus.Analyzer.Tokens(titleWord ?? "", FieldHead).FirstOrDefault(t => t.Role == TokenRole.Original)?.Term;
            var titleNames = titleTerm is { Length: >= 4 } && !corpus.Names.Contains(titleTerm)
                && !indexed.Any(x => x.p.Document != doc.Key && terms[x.i].Head.Contains(titleTerm));
            if (titleNames) own.UnionWith(Forms(titleWord));
            // The part after a compound name's linking «s», where only this document uses that word: «heftet» for the
            // «veiledningshefte», «brevet» for the «oppdragsbrev»; not «planen» for a «gjennomføringsplan», which all have.
            foreach (var word in new[] { first.Kind, titleNames ? titleWord : null })
            {
                if (word is not { Length: >= 8 }) continue;   // room for three letters, the «s» and four
                var link = word.LastIndexOf('s', word.Length - 5);
                if (link < 3) continue;
                var forms = Forms(word[(link + 1)..]).ToHashSet(StringComparer.Ordinal);
                if (!indexed.Any(x => x.p.Document != doc.Key && forms.Overlaps(terms[x.i].All)))
                    own.UnionWith(forms);
            }
            owned.Add((doc.Select(x => x.i).ToList(), own));
        }
        // Added only once every document is named, so no document's names hide another's.
        foreach (var (members, own) in owned)
        {
            foreach (var i in members)
            {
                terms[i].Head.UnionWith(own);
                terms[i].All.UnionWith(own);
            }
            names.UnionWith(own);
        }
        return names;
    }

    private static Dictionary<string, HashSet<string>> ReadWrittenWords(Passage[] passages, PassageTerms[] terms)
    {
        var words = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        for (var d = 0; d < passages.Length; d++)
            foreach (var t in terms[d].TextTokens)
            {
                if (t.Role != TokenRole.Original || t.End <= t.Start || t.End > passages[d].Text.Length) continue;
                var written = NorwegianFoldingFilter.FoldLower(passages[d].Text[t.Start..t.End]);
                if (!written.All(char.IsLetter)) continue;
                if (!words.TryGetValue(written, out var set)) words[written] = set = new HashSet<string>(StringComparer.Ordinal);
                set.Add(t.Term);
            }
        return words;
    }

    /// <summary>
    /// The terms of the written words one edit from <paramref name="written"/> (same first letter, as people rarely mistype
    /// it). Only for long words: one edit from a short word the corpus lacks is often another word («sitter» / «setter»).
    /// </summary>
    internal HashSet<string> TermsOfWordsNear(string written)
    {
        const int MinLength = 8;
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (written.Length < MinLength) return result;
        foreach (var (word, terms) in WrittenWords)
            if (word != written && Levenshtein.IsTypoOf(word, written))
                result.UnionWith(terms);
        return result;
    }

    private static string[] ReadTerms(DirectoryReader reader, string field)
    {
        var result = new List<string>();
        var terms = MultiFields.GetTerms(reader, field);
        if (terms is null) return [];
        var e = terms.GetEnumerator();
        while (e.MoveNext()) result.Add(e.Term.Utf8ToString());
        return result.ToArray();
    }

    /// <summary>A word most passages hold («Leve hele livet»): what the whole corpus is about, telling no passage from another.</summary>
    internal static bool IsTopic(int docFreq, int passages) => docFreq * 2 > passages;

    /// <summary>Passages holding the term in their text, heading or alternative questions (the larger of the two counts: headings repeat within a section).</summary>
    internal int DocFreq(string term) => DocFreq(Reader, term);

    private static int DocFreq(IndexReader reader, string term) =>
        Math.Max(Math.Max(reader.DocFreq(new Term(FieldBody, term)), reader.DocFreq(new Term(FieldHead, term))),
            reader.DocFreq(new Term(FieldQuestions, term)));

    /// <summary>Inverse document frequency over passages (body or heading), never negative.</summary>
    internal double Idf(int docFreq) => Idf(docFreq, Passages.Length);

    private static double Idf(int docFreq, int n)
    {
        var df = Math.Min(docFreq, n);
        return Math.Log(1 + (n - df + 0.5) / (df + 0.5));
    }

    /// <summary>Drops the generation's own reference; the files close when the last search using it is done.</summary>
    internal void Release()
    {
        Reader.DecRef();
    }
}

/// <summary>
/// A passage's analysed terms (text, title and section), where each word sits in the text, and the terms of each
/// sentence-like unit (a sentence, a list item, a table cell line) so a question can be matched against the one place
/// that answers it rather than the whole passage.
/// </summary>
internal sealed partial record PassageTerms(HashSet<string> All, HashSet<string> Head, List<AnalyzedToken> TextTokens, HashSet<string>[] Units,
    Dictionary<string, List<int>> Positions, HashSet<string> Defined, HashSet<string>[] Amounts)
{
    /// <summary>Where each unit stands in the text (start inclusive, end exclusive), for showing the sentences that answer.</summary>
    internal required (int Start, int End)[] UnitSpans { get; init; }
    /// <summary>
    /// For the answer types read from the wording (<see cref="AnswerTypes.Phrasings"/>): which units state that kind of
    /// answer («fordi …» for «hvorfor», «til 31. desember 2023» for «hvor lenge», «innen 1. mai» for «fristen»).
    /// </summary>
    internal required Dictionary<AnswerType, bool[]> Stated { get; init; }
    /// <summary>Per unit, the proper names in it (places, offices, organisations: <see cref="CorpusModel.Names"/>), not the topic's.</summary>
    internal required HashSet<string>[] UnitNames { get; init; }
    /// <summary>Per unit, the words a number in it counts («356 kommuner» → «kommun»).</summary>
    internal required HashSet<string>[] Counted { get; init; }
    /// <summary>Who wrote the document («Det regionale støtteapparatet i Nordland (Statsforvalteren, KS, USHT)»): a body the
    /// question names is present in every passage its own plan holds, said or not.</summary>
    internal required HashSet<string> Publisher { get; init; }
    /// <summary>Per alternative question, its analysed words: each position's forms (word, synonyms, parts), the word first.</summary>
    internal required QuestionTerms[] Questions { get; init; }
    /// <summary>The subject of a short heading over the passage («Samskaping», «Næringsliv og «Sølvøkonomien»»), not the document title.</summary>
    internal required HashSet<string> HeadingSubjects { get; init; }

    /// <summary>The text the window of <paramref name="span"/> units from <paramref name="unit"/> covers; null when there is no such unit.</summary>
    internal (int Start, int End)? WindowSpan(int unit, int span) =>
        unit < 0 || unit >= UnitSpans.Length ? null
            : (UnitSpans[unit].Start, UnitSpans[Math.Min(UnitSpans.Length - 1, unit + Math.Max(1, span) - 1)].End);

    internal static PassageTerms Analyse(Passage p, CorpusModel corpus, HashSet<string> topicNames)
    {
        var analyzer = corpus.Analyzer;
        var text = analyzer.Tokens(p.Text);
        var all = text.Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        var head = analyzer.Tokens(IndexFields.HeadText(p), IndexGeneration.FieldHead).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        all.UnionWith(head);
        var bounds = UnitEnd().Matches(p.Text).Select(m => m.Index).ToList();
        var units = new HashSet<string>[bounds.Count + 1];
        for (var i = 0; i < units.Length; i++) units[i] = new HashSet<string>(StringComparer.Ordinal);
        var amounts = new HashSet<string>[units.Length];
        for (var i = 0; i < amounts.Length; i++) amounts[i] = new HashSet<string>(StringComparer.Ordinal);
        var unitOf = new int[text.Count];
        var counts = new bool[text.Count];
        for (int k = 0, unit = 0; k < text.Count; k++)
        {
            var t = text[k];
            while (unit < bounds.Count && bounds[unit] < t.Start) unit++;
            unitOf[k] = unit;
            units[unit].Add(t.Term);
            if (AnswerTypes.IsAmount(p.Text, t)) { amounts[unit].Add(t.Term); counts[k] = true; }
            // «to samlinger»: «to» counts what follows it, though alone it says too little to be an amount («to får …»).
            else counts[k] = t.Role == TokenRole.Original && (AnswerTypes.IsNumberWord(t.Term) || t.Term == "to");
        }
        // What each number counts: the words within two places after it in its unit («356 kommuner», «fire webinar»).
        var counted = new HashSet<string>[units.Length];
        for (var i = 0; i < counted.Length; i++) counted[i] = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < text.Count; k++)
        {
            if (!counts[k]) continue;
            for (var n = k + 1; n < text.Count && text[n].Position <= text[k].Position + 2; n++)
                if (text[n].Position > text[k].Position && unitOf[n] == unitOf[k]) counted[unitOf[k]].Add(text[n].Term);
        }
        InheritTableHeaders(p.Text, text, unitOf, units);
        var positions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var t in text)
        {
            if (!positions.TryGetValue(t.Term, out var list)) positions[t.Term] = list = [];
            list.Add(t.Position);
        }
        // Words the passage defines: «Nettverk er en …», «Sølvøkonomi betyr …», «Målgruppen for reformen er alle …»,
        // «‹Sirupsnippene› visualiserer at …»; what «hva er / hva betyr» questions look for.
        var defined = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in text)
            if (t.Role == TokenRole.Original && t.End < p.Text.Length && Defines().IsMatch(p.Text.AsSpan(t.End)))
                defined.Add(t.Term);
        var kept = Enumerable.Range(0, units.Length).Where(i => units[i].Count > 0).ToArray();
        var spans = kept.Select(i => (Start: i == 0 ? 0 : bounds[i - 1], End: i < bounds.Count ? bounds[i] : p.Text.Length)).ToArray();
        var stated = AnswerTypes.Phrasings.ToDictionary(ph => ph.Type,
            ph => spans.Select(sp => ph.Pattern.IsMatch(p.Text.AsSpan(sp.Start, sp.End - sp.Start))).ToArray());
        stated[AnswerType.Person] = spans.Select(sp => AnswerTypes.NamesPerson(p.Text[sp.Start..sp.End], corpus)).ToArray();
        return new PassageTerms(all, head, text, kept.Select(i => units[i]).ToArray(), positions, defined, kept.Select(i => amounts[i]).ToArray())
        {
            Counted = kept.Select(i => counted[i]).ToArray(),
            UnitNames = kept.Select(i => units[i].Where(t => corpus.Names.Contains(t) && !topicNames.Contains(t)).ToHashSet(StringComparer.Ordinal)).ToArray(),
            UnitSpans = spans,
            Publisher = analyzer.Tokens(p.Publisher ?? "", IndexGeneration.FieldHead).Select(t => t.Term).ToHashSet(StringComparer.Ordinal),
            HeadingSubjects = p.Section.Split(PassageSplitter.PathSeparator)
                .Select(h => analyzer.Tokens(h, IndexGeneration.FieldHead).Where(t => t.Role == TokenRole.Original).Select(t => t.Term).ToList())
                .Where(terms => terms.Count <= 2).SelectMany(terms => terms).ToHashSet(StringComparer.Ordinal),
            Stated = stated,
            Questions = p.Questions.Select(q => QuestionTerms.Analyse(q, analyzer)).ToArray(),
        };
    }

    /// <summary>
    /// A table's rows («Fylkesmannen i Agder – 1 000 000») are read under their header («Embete – Øremerkede midler i 2019»),
    /// as a person reads a table: each row's unit also holds the header's words, so a question naming a column and a row
    /// («… øremerkede midler … Agder …») meets both in one place. A table is three or more lines of « – »-separated cells
    /// (how the splitter writes a tab-separated row), not a list of «- X – explanation» items.
    /// </summary>
    private static void InheritTableHeaders(string text, List<AnalyzedToken> tokens, int[] unitOf, HashSet<string>[] units)
    {
        if (CountOf(text, " – ") < 3) return;
        var lines = new List<(int Start, int End, bool Row)>();
        for (var start = 0; start <= text.Length;)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            var line = text.AsSpan(start, end - start).Trim();
            lines.Add((start, end, line.Contains(" – ", StringComparison.Ordinal) && !line.StartsWith("- ") && !char.IsDigit(line.IsEmpty ? ' ' : line[0])));
            start = end + 1;
        }
        for (var i = 0; i < lines.Count;)
        {
            if (!lines[i].Row) { i++; continue; }
            var j = i;
            while (j < lines.Count && lines[j].Row) j++;
            if (j - i >= 3)
            {
                var header = tokens.Where(t => t.Start >= lines[i].Start && t.End <= lines[i].End).Select(t => t.Term).ToList();
                for (var r = i + 1; r < j; r++)
                {
                    var first = tokens.FindIndex(t => t.Start >= lines[r].Start && t.End <= lines[r].End);
                    if (first >= 0) units[unitOf[first]].UnionWith(header);
                }
            }
            i = j;
        }
    }

    private static int CountOf(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) n++;
        return n;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[»”""']?(\s+(for|med|til|i|av|ved|om)\s+[\p{L}-]+)?\s*(er\s+(en|et|ei|ein|eit|å|at|alle|når|det|de|den)\b|betyr|tyder|innebærer|inneber|handler om|defineres|definerast|vil si|står for|visualiserer|illustrerer|kjennetegnes)",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex Defines();

    /// <summary>Sentence ends and line breaks (list items, cells).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=[.!?])\s+(?=[«""(\p{Lu}\d])|\n")]
    private static partial System.Text.RegularExpressions.Regex UnitEnd();
}

/// <summary>One alternative question as the ranker compares it with the user's: the forms at each word position.</summary>
internal sealed record QuestionTerms(string[][] Positions, HashSet<string> All)
{
    /// <summary>Each position's IDF (of the word itself), set when the index is opened.</summary>
    internal double[] Weights { get; } = new double[Positions.Length];
    internal double Total { get; private set; }

    internal void Weigh(Func<string, double> idf)
    {
        for (var k = 0; k < Positions.Length; k++) Weights[k] = idf(Positions[k][0]);
        Total = Weights.Sum();
    }

    internal static QuestionTerms Analyse(string question, NorwegianAnalyzer analyzer)
    {
        var tokens = analyzer.Tokens(question);
        var positions = tokens.GroupBy(t => t.Position)
            .Select(g => g.OrderBy(t => t.Role == TokenRole.Original ? 0 : 1).Select(t => t.Term).Distinct().ToArray()).ToArray();
        return new QuestionTerms(positions, tokens.Select(t => t.Term).ToHashSet(StringComparer.Ordinal));
    }
}
