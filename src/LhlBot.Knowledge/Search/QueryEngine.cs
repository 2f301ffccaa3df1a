using System.Text;
using System.Text.RegularExpressions;
using LhlBot.Knowledge.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace LhlBot.Knowledge.Search;

/// <summary>One content word of a question with its analysed variants (synonym, compound parts).</summary>
internal sealed class QueryGroup
{
    internal required int Position { get; init; }
    internal required string Surface { get; init; }
    internal required List<(string Term, TokenRole Role)> Terms { get; init; }
    internal required float Weight { get; init; }
    internal bool IsName { get; set; }
    /// <summary>
    /// A word a document is called by («veilederen», «heftet»): a name for the ranking, matched by stem; a passage
    /// from another document is not declined for lacking it.
    /// </summary>
    internal bool IsDocumentName { get; set; }
    /// <summary>The thing «hvor mange» asks the number of («kommuner»): the answer's number must count it.</summary>
    internal bool IsCounted { get; set; }
    internal bool Fuzzy { get; set; }
    internal int DocFreq { get; set; }
    internal string Original => Terms[0].Term;
    /// <summary>The word as typed, lower-cased and folded, when the stemmer changed it: a typo confuses the stemmer
    /// («Ulsten» → «ulst»), so a misspelt word is also matched unstemmed («ulsten» ~ «ulstein»).</summary>
    internal string? Typed => Written != Original && Written.All(char.IsLetter) ? Written : null;
    /// <summary>The forms a misspelt word is matched from, one edit away: its stem, the other forms of its family
    /// («gokjente» → «gokjent» meets «godkjent»), and the word as typed.</summary>
    internal IEnumerable<string> TypoForms =>
        Terms.Where(t => t.Role.IsWhole()).Select(t => t.Term).Append(Typed).OfType<string>().Distinct();
    /// <summary>The word as typed, lower-cased and folded.</summary>
    internal required string Written { get; init; }
    /// <summary>The terms of words the documents write one edit from <see cref="Written"/> («Velferdsprosjekett» ~
    /// «Velferdsprosjektet»): a typo is made in the written word, and its stem can be further from theirs.</summary>
    internal HashSet<string>? WrittenTypoTerms { get; set; }
    /// <summary>The near spellings of a misspelt word found among the candidates (set by re-ranking).</summary>
    internal HashSet<string>? TypoMatches { get; set; }
    /// <summary>The word's own forms and synonyms, and what its typo matched: not its compound parts.</summary>
    internal IEnumerable<string> WholeForms =>
        Terms.Where(t => t.Role.IsWhole()).Select(t => t.Term).Concat(TypoMatches ?? []);
}

/// <summary>Signals behind a confidence, kept for the evaluation report.</summary>
/// <param name="TextMatch">How much of the question the best passage's text covers (before the factors).</param>
/// <param name="QuestionMatch">How nearly one of its alternative questions says the question (before the factors).</param>
/// <param name="Factor">The product of the gap, missing-name and answer-type factors.</param>
internal sealed record ConfidenceSignals(double Coverage, double Gap, int MissingNames, double Confidence,
    double TextMatch = 0, double QuestionMatch = 0, double Factor = 0);

/// <summary>
/// Turns a question into a Lucene query built term by term (user text never reaches a query parser),
/// runs it and judges whether the best passage really answers.
/// </summary>
internal static partial class QueryEngine
{
    private const int MaxGroups = 40;
    private const int MaxQuestionChars = 1000;

    internal static (SearchResult Result, ConfidenceSignals? Signals) Search(
        IndexGeneration gen, string? question, int maxResults, string? previousQuestion, SearchSettings s)
    {
        question = Prepare(gen, question);
        var previous = string.IsNullOrWhiteSpace(previousQuestion) ? null : Sanitize(previousQuestion);
        maxResults = Math.Clamp(maxResults, 1, 100);

        var (answerType, groups) = Understand(gen, question);
        var isFollowUp = previous is not null && FollowUp.IsFollowUp(question, groups.Count);
        var searched = question;
        if (isFollowUp)
        {
            var previousGroups = Groups(gen, previous!, s.PreviousQuestionWeight, positionOffset: 1000);
            // A follow-up naming another place or body replaces the previous one ("kva med Nordland?").
            if (groups.Any(g => g.IsName)) previousGroups.RemoveAll(g => g.IsName);
            var newTerms = groups.SelectMany(g => g.Terms.Select(t => t.Term)).ToHashSet();
            previousGroups.RemoveAll(g => newTerms.Contains(g.Original));
            searched = string.Join(" ", previousGroups.Select(g => g.Surface)) + " " + FollowUp.StripCue(question);
            searched = searched.Trim();
            groups.AddRange(previousGroups);
        }

        if (groups.Count == 0)
            return (new SearchResult(searched, isFollowUp, false, 0, []), null);

        var ranked = Rank(gen, groups, answerType, Math.Max(maxResults, s.RerankDepth), s);
        if (ranked.Count == 0)
            return (new SearchResult(searched, isFollowUp, false, 0, []), new ConfidenceSignals(0, 0, 0, 0));

        var signals = Confidence(gen, answerType, groups, ranked, s);
        var hits = ranked.Take(maxResults).Select(r =>
        {
            var p = gen.Passages[r.Doc];
            var terms = gen.Terms[r.Doc];
            var matched = MatchedRanges(terms, groups);
            return new SearchHit(p.Document, p.Title, p.Section, p.Text, Bold(p.Text, matched), Math.Round(r.Score, 4), p.Publisher, p.Date)
            {
                Excerpt = Excerpt(p.Text, terms, matched, r.WindowUnit, s.WindowUnits),
            };
        }).ToList();
        var answered = signals.Confidence >= s.Threshold;
        return (new SearchResult(searched, isFollowUp, answered, Math.Round(signals.Confidence, 3), hits), signals);
    }

    /// <summary>BM25's best <paramref name="depth"/> passages for the question's words, in re-ranked order; empty when none match.</summary>
    internal static List<Ranked> Rank(IndexGeneration gen, List<QueryGroup> groups, AnswerType answerType, int depth, SearchSettings s)
    {
        if (groups.Count == 0) return [];
        var top = gen.Searcher.Search(BuildQuery(gen, groups, s), depth);
        return top.ScoreDocs.Length == 0 ? [] : Rerank(gen, groups, top.ScoreDocs, s, answerType);
    }

    /// <summary>Any text is acceptable: control characters go, and very long input is cut to what a question can be.</summary>
    internal static string Sanitize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var cleaned = new string(text.Where(c => !char.IsControl(c) || c == '\n').ToArray()).Replace('\n', ' ').Trim();
        return cleaned.Length > MaxQuestionChars ? cleaned[..MaxQuestionChars] : cleaned;
    }

    /// <summary>
    /// «Hvikle», «hvorfoor», «hvrodan», «hvor mnage»: a misspelt question word, or a misspelt word that says what kind of
    /// answer is wanted, is read as that word. As a word the documents lack it would otherwise weigh more than any other,
    /// and the question would lose its kind. Words the documents write are left alone.
    /// </summary>
    internal static string CorrectQuestionWords(IndexGeneration gen, string question) =>
        Word().Replace(question, m =>
        {
            var written = NorwegianFoldingFilter.FoldLower(m.Value);
            if (written.Length < 4 || QuestionAndCueWords.Contains(written) || gen.WrittenWords.ContainsKey(written)) return m.Value;
            return QuestionAndCueWords.FirstOrDefault(q => Levenshtein.IsTypoOf(q, written)) ?? m.Value;
        });

    private static readonly string[] QuestionAndCueWords =
        ["hvilke", "hvilken", "hvilket", "hvorfor", "hvordan", "hvem", "hvor", "kvifor", "korfor", "korleis", "kven", "kvar",
         // The words after them that say what kind of answer is wanted («hvor mnage», «kva er fritsen»), which the
         // answer type is read from.
         "mange", "mykje", "lenge", "ofte", "fristen", "fristar", "fristene", "koster", "kostar", "betyr", "tyder"];

    [GeneratedRegex(@"\p{L}+")] private static partial Regex Word();

    /// <summary>
    /// What the question asks for and its words, as the search reads them (also for the measuring tools, so that what
    /// they show is what the search did): the kind of answer, the word groups, and which word «hvor mange» counts.
    /// </summary>
    internal static (AnswerType Type, List<QueryGroup> Groups) Understand(IndexGeneration gen, string question)
    {
        var type = AnswerTypes.Of(question);
        var groups = QuestionGroups(gen, question, type);
        AnswerTypes.MarkCounted(type, question, groups, gen.CountedTerms);
        return (type, groups);
    }

    /// <summary>
    /// A question as the search reads it before it is understood: cleaned, greetings, lead-ins, thanks and sign-offs taken
    /// off, spoken question words read as written, and misspelt question words corrected.
    /// </summary>
    internal static string Prepare(IndexGeneration gen, string? question) => CorrectQuestionWords(gen, ChatQuestion.Bare(Sanitize(question)));

    /// <summary>The question's own words; in «hva betyr X» or «hvor lenge …» the cue only says what kind of answer is wanted (the answer type looks for it).</summary>
    internal static List<QueryGroup> QuestionGroups(IndexGeneration gen, string question, AnswerType answerType)
    {
        var remark = RemarkStart(question);
        var groups = Groups(gen, remark < 0 ? question : question[..remark], 1f, positionOffset: 0);
        if (remark >= 0)
            foreach (var g in Groups(gen, question[remark..], RemarkWeight, positionOffset: 500))
                if (!groups.Any(x => x.Original == g.Original)) groups.Add(g);
        if (groups.Count > 1) groups.RemoveAll(g => AnswerTypes.IsCue(answerType, g.Original));
        return groups;
    }

    /// <summary>
    /// «hvor står tallene …? finner dem ikke», «hvordan var samlingene lagt opp …? vi vurderer det samme»:
    /// what follows the question mark, when it is no question itself, says why the question is asked, not what it asks.
    /// Its words still count, as the previous question's do in a follow-up, but less than the question's own.
    /// </summary>
    internal static int RemarkStart(string question)
    {
        var end = question.LastIndexOf('?');
        if (end < 0) return -1;
        var tail = NorwegianFoldingFilter.FoldLower(question[(end + 1)..]).Trim();
        return tail.Length == 0 || AsksAgain().IsMatch(tail) || !Word().IsMatch(tail) ? -1 : end + 1;
    }

    private const float RemarkWeight = 0.4f;

    // «… ? hva mener hdir», «… ? og hvem har ansvaret»: a second question, without its question mark.
    [GeneratedRegex(@"^((og|men|eller|evt)\s+)?(hva|kva|hvem|kven|hvor|kor|kvar|nar|hvordan|korleis|hvorfor|kvifor|hvilke|hvilken|hvilket|finnes|fins)\b")]
    private static partial Regex AsksAgain();

    internal static List<QueryGroup> Groups(IndexGeneration gen, string text, float weight, int positionOffset)
    {
        text = NorwegianOrdinals.AsLabels(text);
        var tokens = gen.Analyzer.Tokens(text);
        var groups = new List<QueryGroup>();
        foreach (var byPosition in tokens.GroupBy(t => t.Position))
        {
            var original = byPosition.FirstOrDefault(t => t.Role == TokenRole.Original) ?? byPosition.First();
            var terms = new List<(string, TokenRole)> { (original.Term, TokenRole.Original) };
            foreach (var t in byPosition)
                if (!terms.Any(x => x.Item1 == t.Term)) terms.Add((t.Term, t.Role));
            if (groups.Any(g => g.Original == original.Term)) continue;
            var surface = text[original.Start..Math.Min(original.End, text.Length)];
            var typed = NorwegianFoldingFilter.FoldLower(surface);
            var g = new QueryGroup
            {
                Position = byPosition.Key + positionOffset, Surface = surface, Terms = terms, Weight = weight, Written = typed,
            };
            // Rarity from the word and its synonyms; a compound's parts are commoner than the compound and would make it look common.
            var whole = terms.Where(t => t.Item2.IsWhole()).Select(t => gen.DocFreq(t.Item1)).DefaultIfEmpty(0).Max();
            g.DocFreq = whole > 0 ? whole : terms.Max(t => gen.DocFreq(t.Item1));
            var known = gen.DocFreq(original.Term) > 0;
            // The documents have typos too: a question word found only once or twice, one letter from a common word, is read as both.
            if (known && g.DocFreq <= RareWord && original.Term.Length >= 6 && !original.Term.Any(char.IsDigit))
                foreach (var common in CommonSpellings(gen, original.Term, g.DocFreq))
                    if (!terms.Any(t => t.Item1 == common)) terms.Add((common, TokenRole.Synonym));
            // A name most passages hold («Leve hele livet») is what the whole corpus is about: it tells no passage from another.
            var topic = IndexGeneration.IsTopic(g.DocFreq, gen.Passages.Length)
                // «… i Norge»: the country every document is about narrows nothing, though few passages say it.
                || original.Term is "norg" or "noreg";
            g.IsDocumentName = !topic && terms.Any(t => t.Item2.IsWhole() && gen.DocumentNames.Contains(t.Item1));
            // A compound's part does not make it a name: «representere» holds «sent», the stem of «Senter (for omsorgsforskning)».
            g.IsName = !topic && (terms.Any(t => t.Item2.IsWhole() && gen.Names.Contains(t.Item1)) || AnswerTypes.IsYear(original.Term)
                || (!known && char.IsUpper(surface.FirstOrDefault()) && original.Start > 0) || g.IsDocumentName);
            groups.Add(g);
            if (groups.Count >= MaxGroups) break;
        }
        return groups;
    }

    private const int RareWord = 2;

    /// <summary>Terms one edit away from a rare word, with the same first letter, at least twice as common (body or heading).</summary>
    private static IEnumerable<string> CommonSpellings(IndexGeneration gen, string rare, int rareFreq)
    {
        foreach (var term in gen.BodyTerms)
            if (term != rare && Levenshtein.IsTypoOf(term, rare) && gen.DocFreq(term) >= 2 * Math.Max(1, rareFreq))
                yield return term;
    }

    internal static Query BuildQuery(IndexGeneration gen, List<QueryGroup> groups, SearchSettings s)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var g in groups)
        {
            var variants = new DisjunctionMaxQuery(0.1f);
            var any = false;
            var wholeKnown = false;
            foreach (var (term, role) in g.Terms)
            {
                if (gen.DocFreq(term) == 0) continue;
                var w = (float)s.RoleWeight(role);
                variants.Add(new TermQuery(new Term(IndexGeneration.FieldBody, term)) { Boost = w });
                variants.Add(new TermQuery(new Term(IndexGeneration.FieldHead, term)) { Boost = w * s.HeadBoost });
                if (s.QuestionsBoost > 0)
                    variants.Add(new TermQuery(new Term(IndexGeneration.FieldQuestions, term)) { Boost = w * s.QuestionsBoost });
                any = true;
                wholeKnown |= role.IsWhole();
            }
            // A compound part found by chance («samskapning» → «apning») does not make a misspelt word known.
            // A document's name («heftet», in no passage's text) is no misspelt «hentet».
            if (!wholeKnown && !g.IsDocumentName && s.FuzzyEdits > 0 && g.Original.Length >= s.FuzzyMinLength && !g.Original.All(char.IsDigit))
            {
                // Only a word the index does not know is treated as a typo; known words stay exact so paraphrases are not blurred.
                g.Fuzzy = true;
                foreach (var form in g.TypoForms)
                {
                    variants.Add(new FuzzyQuery(new Term(IndexGeneration.FieldBody, form), s.FuzzyEdits, 1) { Boost = 0.8f });
                    variants.Add(new FuzzyQuery(new Term(IndexGeneration.FieldHead, form), s.FuzzyEdits, 1) { Boost = 0.8f * s.HeadBoost });
                }
                g.WrittenTypoTerms = gen.TermsOfWordsNear(g.Written);
                foreach (var term in g.WrittenTypoTerms)
                {
                    variants.Add(new TermQuery(new Term(IndexGeneration.FieldBody, term)) { Boost = 0.8f });
                    variants.Add(new TermQuery(new Term(IndexGeneration.FieldHead, term)) { Boost = 0.8f * s.HeadBoost });
                }
                any = true;
            }
            if (!any) continue;
            variants.Boost = g.Weight;
            query.Add(variants, Occur.SHOULD);
        }
        if (s.PhraseBoost > 0)
        {
            var ordered = groups.Where(g => !g.Fuzzy && g.DocFreq > 0).OrderBy(g => g.Position).ToList();
            for (var i = 0; i + 1 < ordered.Count; i++)
            {
                var (a, b) = (ordered[i], ordered[i + 1]);
                if (b.Position - a.Position > 3 || gen.DocFreq(a.Original) == 0 || gen.DocFreq(b.Original) == 0) continue;
                var phrase = new PhraseQuery { Slop = 2, Boost = s.PhraseBoost * Math.Min(a.Weight, b.Weight) };
                phrase.Add(new Term(IndexGeneration.FieldBody, a.Original));
                phrase.Add(new Term(IndexGeneration.FieldBody, b.Original));
                query.Add(phrase, Occur.SHOULD);
            }
        }
        return query;
    }

    /// <summary>One candidate after re-ranking, with what its score is made of.</summary>
    internal sealed record Ranked(int Doc, double Score, RankingFeatures Features, int MissingNames, int WindowMissingNames)
    {
        /// <summary>The best window's first unit (sentence) in the passage's units, -1 for the heading alone.</summary>
        internal int WindowUnit { get; init; } = -1;
        internal double Bm25 => Features.Bm25;
        internal double Coverage => Features.Coverage;
        internal double Window => Features.Window;
    }

    /// <summary>
    /// BM25 finds the candidates; the order among them comes from how much of the question's content (IDF mass) a passage
    /// covers, as a whole and within one sentence and its neighbour, since the passage that answers a question is usually
    /// the one where the question's rarer words meet in one place, not the one repeating a common word most often.
    /// </summary>
    internal static List<Ranked> Rerank(IndexGeneration gen, List<QueryGroup> groups, ScoreDoc[] top, SearchSettings s, AnswerType questionType = AnswerType.Any)
    {
        var weights = groups.Select(g => GroupWeight(gen, g, s)).ToArray();
        // A word the index does not know is matched by its near spellings found in the candidates (typos).
        foreach (var (g, i) in groups.Select((g, i) => (g, i)))
        {
            if (!g.Fuzzy) continue;
            var forms = g.TypoForms.ToList();
            g.TypoMatches = top.SelectMany(sd => gen.Terms[sd.Doc].All)
                .Where(t => forms.Any(f => Levenshtein.IsTypoOf(t, f))).ToHashSet(StringComparer.Ordinal);
            if (g.WrittenTypoTerms is not null) g.TypoMatches.UnionWith(g.WrittenTypoTerms);
            // A typo weighs as much as the word it stands for.
            if (g.TypoMatches.Count > 0) weights[i] = gen.Idf(g.TypoMatches.Max(gen.DocFreq)) * g.Weight;
        }
        var total = weights.Sum();
        // Every form the question's words were read as, for how much of an alternative question they meet.
        var questionTerms = groups.SelectMany(g => g.Terms.Select(t => t.Term).Concat(g.TypoMatches ?? [])).ToHashSet(StringComparer.Ordinal);
        // Each word's forms for the pair feature, read once per question rather than once per passage and pair.
        var pairForms = groups.Select(g => g.WholeForms.ToArray()).ToArray();
        // Per passage: which two-part compounds of the question it says as a phrase.
        var phrased = new bool[groups.Count];
        var compounds = Enumerable.Range(0, groups.Count).Where(i => groups[i].Terms.Count(t => t.Role == TokenRole.CompoundPart) == 2).ToArray();
        // Matched in any of up to three term sets (a sentence, its neighbour, the heading); no sets are merged, to keep queries allocation-light.
        double Match(int i, HashSet<string> set, HashSet<string>? second = null, HashSet<string>? third = null)
        {
            bool In(string t) => set.Contains(t) || (second is not null && second.Contains(t)) || (third is not null && third.Contains(t));
            var best = 0.0;
            var partsFound = 0;
            foreach (var (term, role) in groups[i].Terms)
            {
                if (!In(term)) continue;
                if (role == TokenRole.CompoundPart) partsFound++;
                var m = s.RoleWeight(role);
                if (m > best) best = m;
                if (best >= 1) return 1;
            }
            // A compound said as a phrase («kunnskapsoppsummering» / «oppsummering av kunnskap»): every part there is the word.
            if (partsFound == 2 && phrased[i]) return 1;
            if (groups[i].TypoMatches is { Count: > 0 } f && f.Any(In)) best = Math.Max(best, s.FuzzyMatchWeight);
            return best;
        }

        var maxBm25 = top[0].Score > 0 ? top[0].Score : 1;
        var asked = AnswerTypes.Asked(groups);
        // Each analysed question term and the question word it belongs to (the first, if two share it).
        var groupOfTerm = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < groups.Count; i++)
            foreach (var (term, _) in groups[i].Terms) groupOfTerm.TryAdd(term, i);
        var result = new List<Ranked>(top.Length);
        foreach (var sd in top)
        {
            var p = gen.Terms[sd.Doc];
            foreach (var i in compounds) phrased[i] = PartsNear(groups[i], p.TextTokens);
            double covered = 0;
            var missingNames = 0;
            // A document the question names («i veilederen») but this passage is not from: a rank lower, but no reason to
            // decline, since people call more than one document a «veileder» or a «plan».
            var otherDocument = 0;
            // A name the question asks about, unless the passage's own publisher is what it names.
            var nameToFind = new bool[groups.Count];
            for (var i = 0; i < groups.Count; i++)
            {
                var m = Match(i, p.All);
                covered += weights[i] * m;
                if (groups[i].IsDocumentName)
                {
                    if (m == 0) otherDocument++;
                    continue;
                }
                nameToFind[i] = groups[i].IsName && Match(i, p.Publisher) == 0;
                if (m == 0 && nameToFind[i]) missingNames++;
            }
            double bestWindow = 0, bestValue = 0;
            var windowMissing = 0;
            var windowUnit = -1;
            var span = Math.Clamp(s.WindowUnits, 1, 2);
            for (var u = 0; u < Math.Max(1, p.Units.Length - span + 1); u++)
            {
                var first = p.Units.Length > 0 ? p.Units[u] : p.Head;
                var next = span == 2 && u + 1 < p.Units.Length ? p.Units[u + 1] : null;
                double w = 0;
                var missing = 0;
                for (var i = 0; i < groups.Count; i++)
                {
                    var m = Match(i, first, next, p.Head);
                    w += weights[i] * m;
                    if (m == 0 && nameToFind[i]) missing++;
                }
                // The window is where the answer stands: of windows covering the question alike, the one holding the kind of
                // answer asked for («Embete – Øremerkede midler» and its row «… – 1 000 000», not the sentence introducing the table),
                // but only one about what the question names: «to kommunene» in a sentence without the «2022» asked about is not it.
                var value = s.WindowWeight * (total > 0 ? w / total : 0);
                if (s.WindowPrefersAnswerType && questionType != AnswerType.Any && p.Units.Length > 0 && missing == 0
                    && value + s.AnswerTypeBonus > bestValue // only where it could change the choice: Fits is the costly part
                    && AnswerTypes.Fits(questionType, asked, groups, p, u, span)) value += s.AnswerTypeBonus;
                if (value > bestValue || u == 0) (bestValue, bestWindow, windowMissing, windowUnit) = (value, w, missing, p.Units.Length > 0 ? u : -1);
            }
            // Neighbouring question words that stand next to each other in the passage ("nasjonale støtteapparatet").
            double pairs = 0, pairTotal = 0;
            for (var i = 0; i + 1 < groups.Count; i++)
            {
                var (a, b) = (groups[i], groups[i + 1]);
                if (b.Position - a.Position > 3 || ShortTypo(a) || ShortTypo(b)) continue;
                var pw = weights[i] + weights[i + 1];
                pairTotal += pw;
                if (Near(pairForms[i], pairForms[i + 1], p.Positions)) pairs += pw;
            }
            var pairCoverage = pairTotal > 0 ? pairs / pairTotal : 0;
            var coverage = total > 0 ? covered / total : 0;
            var windowCoverage = total > 0 ? bestWindow / total : 0;
            var bm25 = sd.Score / maxBm25;
            var proximity = total > 0 ? Proximity(groupOfTerm, groups.Count, weights, p.TextTokens) / total : 0;
            // «Hvor mange» / «når»: a window holding a number or a time the question does not give is likelier the answer.
            var fits = questionType != AnswerType.Any && AnswerTypes.Fits(questionType, asked, groups, p, p.Units.Length > 0 ? windowUnit : -1, span);
            // The same coverage in a shorter window: the sentence that states the fact, not a long one that mentions it.
            var density = p.WindowSpan(windowUnit, span) is { } stretch
                ? windowCoverage * Math.Min(1.0, (double)s.DenseWindowChars / Math.Max(1, stretch.End - stretch.Start))
                : 0;
            // The passage's alternative questions: the one saying most nearly what the user's does, both ways.
            double question = 0;
            foreach (var q in p.Questions)
            {
                if (total <= 0 || q.Total <= 0) break;
                double recall = 0;
                for (var i = 0; i < groups.Count; i++) recall += weights[i] * Match(i, q.All);
                recall /= total;
                if (recall <= 0) continue;
                double held = 0;
                for (var k = 0; k < q.Positions.Length; k++)
                    foreach (var form in q.Positions[k])
                        if (questionTerms.Contains(form)) { held += q.Weights[k]; break; }
                var precision = held / q.Total;
                if (precision > 0) question = Math.Max(question, 2 * recall * precision / (recall + precision));
            }
            var features = new RankingFeatures(bm25, coverage, windowCoverage, pairCoverage, proximity, fits ? 1 : 0, density, question);
            // A passage without the place, body or year the question names («… i Nordland») answers another question.
            result.Add(new Ranked(sd.Doc, features.Score(s) - s.MissingNamePenalty * (missingNames + otherDocument), features, missingNames, windowMissing) { WindowUnit = windowUnit });
        }
        result.Sort((a, b) => b.Score.CompareTo(a.Score));
        PromoteFittingAnswer(result, questionType, s);
        return result;
    }

    /// <summary>
    /// «Hvor mange kommuner …» whose best passage holds no count (the note's «… 1. november skal statsforvalteren
    /// rapportere») while one close behind does («310 av 356 kommuner oppgir at de deltar i nettverk»): the one that
    /// answers the kind of question goes first. Only for the kinds recognised reliably in the text (counts, times,
    /// frequencies, sums, reasons, definitions), and only within reach.
    /// </summary>
    private static void PromoteFittingAnswer(List<Ranked> ranked, AnswerType type, SearchSettings s)
    {
        if (s.FittingAnswerReach <= 0 || ranked.Count < 2 || ranked[0].Features.AnswerType > 0
            // Not for places and people: some name stands in most windows, so holding one says little.
            || type is AnswerType.Any or AnswerType.Advice or AnswerType.Method or AnswerType.Place or AnswerType.Person) return;
        for (var i = 1; i < Math.Min(ranked.Count, s.FittingAnswerDepth); i++)
        {
            if (ranked[i].Score < s.FittingAnswerReach * ranked[0].Score) return;
            if (ranked[i].Features.AnswerType == 0 || ranked[i].MissingNames > ranked[0].MissingNames) continue;
            var fitting = ranked[i];
            ranked.RemoveAt(i);
            ranked.Insert(0, fitting);
            return;
        }
    }

    /// <summary>
    /// The question's words as close together as the passage has them: the weight of the words in the shortest stretch
    /// of text holding every question word the text has, scaled by how tightly they stand (words found / stretch length).
    /// </summary>
    private static double Proximity(Dictionary<string, int> groupOfTerm, int groupCount, double[] weights, List<AnalyzedToken> tokens)
    {
        var hits = new List<(int Position, int Group)>();
        var counts = new int[groupCount];
        foreach (var t in tokens)
            if (groupOfTerm.TryGetValue(t.Term, out var g)) { hits.Add((t.Position, g)); counts[g]++; }
        if (hits.Count == 0) return 0;
        double mass = 0;
        var need = 0;
        for (var g = 0; g < groupCount; g++)
            if (counts[g] > 0) { need++; mass += weights[g]; }
        if (need == 1) return mass * 0.5;
        // Shortest stretch holding all present groups (sliding window over the hits in text order).
        Array.Clear(counts);
        int have = 0, left = 0, best = int.MaxValue;
        for (var right = 0; right < hits.Count; right++)
        {
            if (counts[hits[right].Group]++ == 0) have++;
            while (have == need)
            {
                best = Math.Min(best, hits[right].Position - hits[left].Position + 1);
                if (--counts[hits[left].Group] == 0) have--;
                left++;
            }
        }
        return mass * Math.Min(1.0, (double)need / best);
    }

    /// <summary>True when the parts of a compound stand together in the text, as a phrase says it («oppsummering av kunnskap»).</summary>
    private static bool PartsNear(QueryGroup g, List<AnalyzedToken> tokens)
    {
        var parts = g.Terms.Where(t => t.Role == TokenRole.CompoundPart).Select(t => t.Term).ToList();
        // Words of their own: «fase» inside «planfasen» is no «… fase for gjennomføring».
        int lastA = -100, lastB = -100;
        foreach (var t in tokens)
        {
            if (t.Role == TokenRole.CompoundPart) continue;
            if (t.Term == parts[0]) lastA = t.Position;
            else if (t.Term == parts[1]) lastB = t.Position;
            else continue;
            if (Math.Abs(lastA - lastB) <= MaxPhraseGap) return true;
        }
        return false;
    }

    private const int MaxPhraseGap = 3;

    /// <summary>A misspelt short word: its near spellings are as likely other words («komne» ~ «komm»).</summary>
    private static bool ShortTypo(QueryGroup g) => g.Fuzzy && g.Written.Length < 7;

    /// <summary>True when some form of a and some form of b stand within two words of each other.</summary>
    private static bool Near(string[] a, string[] b, Dictionary<string, List<int>> positions)
    {
        foreach (var ta in a)
        {
            if (!positions.TryGetValue(ta, out var pa)) continue;
            foreach (var tb in b)
            {
                if (!positions.TryGetValue(tb, out var pb)) continue;
                foreach (var x in pa)
                    foreach (var y in pb)
                        if (x != y && Math.Abs(x - y) <= 2) return true;
            }
        }
        return false;
    }

    /// <summary>A question word's share of the question: its rarity, less for a word the corpus does not know at all.</summary>
    private static double GroupWeight(IndexGeneration gen, QueryGroup g, SearchSettings s)
    {
        var idf = gen.Idf(g.DocFreq) * g.Weight;
        if (g.DocFreq == 0 && !g.IsName && !g.Fuzzy) idf *= s.UnknownWordWeight;
        return idf;
    }

    /// <summary>
    /// The raw score does not tell an unanswerable question from an answerable one; what does is how much of the
    /// question's rarer content the best passage covers, whether the names and years it asks about are there at all,
    /// and how clearly the best passage beats the next.
    /// </summary>
    private static ConfidenceSignals Confidence(IndexGeneration gen, AnswerType answerType, List<QueryGroup> groups, List<Ranked> ranked, SearchSettings s)
    {
        var best = ranked[0];
        // Never below 0: a passage moved first for holding the kind of answer asked for may score below the next.
        var gap = ranked.Count > 1 && best.Score > 0 ? Math.Max(0, (best.Score - ranked[1].Score) / best.Score) : 1;
        // How much of the question the passage's text covers, or how nearly one of its alternative questions says it.
        var text = 0.5 * best.Coverage + 0.5 * best.Window;
        var factor = 1.0;
        if (s.UseGap) factor *= 0.85 + 0.15 * Math.Min(1, gap * 4);
        // A place, body or year the question names must stand where the answer is, not only somewhere in the passage.
        var missing = s.NamesInWindow ? best.WindowMissingNames : best.MissingNames;
        // A name must stand in the passage as written, not only as a stem: «Vestland» is not «Vestlandet».
        // Abbreviations and names with synonyms («Hdir», «FM», «Hdirs» too) are found through their other forms and are not checked.
        if (missing == 0)
            missing = groups.Count(g => g.IsName && !g.IsDocumentName && !g.Fuzzy && g.Terms.Count == 1 && !gen.SynonymTerms.Contains(g.Original)
                && g.Surface.Length >= 5 && g.Surface.Any(char.IsLower)
                && !NameWritten(gen.Passages[best.Doc], g.Surface));
        if (s.UseEntityCheck && missing > 0) factor *= s.MissingNameFactor;
        // «Hvor mange», «når»: the best window must hold a number or a time the question does not already give.
        if (s.UseAnswerTypeCheck && !AnswerTypes.Answers(answerType, groups, gen.Terms[best.Doc], best.WindowUnit, s.WindowUnits))
            factor *= s.AnswerTypeFactor;
        var confidence = Combine(text, best.Features.Question, factor, s.QuestionConfidence);
        return new ConfidenceSignals(best.Coverage, gap, missing, confidence, text, best.Features.Question, factor);
    }

    /// <summary>
    /// The confidence: how much of the question the text covers, or how nearly one of the passage's alternative
    /// questions says it (scaled), whichever is higher, times the checks' factors. One formula for search and fitting.
    /// </summary>
    internal static double Combine(double text, double question, double factor, double questionConfidence) =>
        Math.Clamp(Math.Max(text, questionConfidence * question) * factor, 0, 1);



    private static bool NameWritten(Documents.Passage p, string name)
    {
        if (name.Length == 0 || !char.IsLetter(name[0])) return true;
        // Compared folded, as the search compares words: «Trondelag» typed without «ø» is «Trøndelag» as written.
        var pattern = $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(NorwegianFoldingFilter.FoldLower(name))}s?(?![\p{{L}}\p{{N}}])";
        return Regex.IsMatch(NorwegianFoldingFilter.FoldLower(p.Text), pattern, RegexOptions.CultureInvariant)
            || Regex.IsMatch(NorwegianFoldingFilter.FoldLower(p.Title + " " + p.Section + " " + p.Publisher), pattern, RegexOptions.CultureInvariant);
    }

    /// <summary>
    /// The window re-ranking judged best (a sentence and its neighbour), highlighted, so a reader sees the answer before
    /// the whole passage; empty when there is no window or it is most of the passage anyway.
    /// </summary>
    internal static string Excerpt(string text, PassageTerms p, List<(int Start, int End)> matched, int windowUnit, int span)
    {
        if (p.WindowSpan(windowUnit, span) is not { } window || window.End - window.Start >= 0.8 * text.Length) return "";
        return Bold(text, matched, window.Start, window.End).Trim();
    }

    /// <summary>
    /// Where the passage's words met the question (from the analysed tokens), in order, overlaps merged. A typo's matches
    /// are those re-ranking found among the candidates, which hold every hit.
    /// </summary>
    internal static List<(int Start, int End)> MatchedRanges(PassageTerms p, List<QueryGroup> groups)
    {
        var wanted = groups.SelectMany(g => g.Terms.Select(t => t.Term).Concat(g.TypoMatches ?? [])).ToHashSet(StringComparer.Ordinal);
        var ranges = new List<(int Start, int End)>();
        foreach (var t in p.TextTokens)
            if (t.Start < t.End && wanted.Contains(t.Term)) ranges.Add((t.Start, t.End));
        ranges.Sort();
        var merged = new List<(int Start, int End)>();
        foreach (var r in ranges)
        {
            if (merged.Count > 0 && r.Start <= merged[^1].End) merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, r.End));
            else merged.Add(r);
        }
        return merged;
    }

    /// <summary>The text (or the stretch from..to of it) with the matched words in **bold**.</summary>
    internal static string Bold(string text, List<(int Start, int End)> matched, int from = 0, int to = -1)
    {
        if (to < 0 || to > text.Length) to = text.Length;
        var sb = new StringBuilder(to - from + matched.Count * 4);
        var pos = from;
        foreach (var (start, end) in matched)
        {
            if (start < from || end > to) continue;
            sb.Append(text, pos, start - pos).Append("**").Append(text, start, end - start).Append("**");
            pos = end;
        }
        return sb.Append(text, pos, to - pos).ToString();
    }

}

internal static class Levenshtein
{
    /// <summary>One edit away, same first letter (people rarely mistype the first letter; it keeps the candidates few).</summary>
    internal static bool IsTypoOf(string word, string typed) =>
        word.Length > 0 && typed.Length > 0 && word[0] == typed[0] && AtMostOne(word, typed);

    /// <summary>True when a and b differ by at most one insertion, deletion, substitution or swap of two neighbours.</summary>
    internal static bool AtMostOne(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1) return false;
        if (a.Length == b.Length && IsSwap(a, b)) return true;
        if (a.Length > b.Length) (a, b) = (b, a);
        int i = 0, j = 0, edits = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { i++; j++; continue; }
            if (++edits > 1) return false;
            if (a.Length == b.Length) i++;
            j++;
        }
        return edits + (b.Length - j) + (a.Length - i) <= 1;
    }

    /// <summary>«prosjekett» / «prosjektet»: the commonest typo, two neighbouring letters typed in the wrong order.</summary>
    private static bool IsSwap(string a, string b)
    {
        var i = 0;
        while (i < a.Length && a[i] == b[i]) i++;
        return i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2));
    }
}
