using LhlBot.Knowledge.Analysis;
using System.Text.RegularExpressions;

namespace LhlBot.Knowledge.Search;

/// <summary>What kind of answer a question asks for, from its question word (bokmål and nynorsk).</summary>
internal enum AnswerType { Any, Amount, Money, Time, Frequency, Definition, Reason, Duration, Deadline, Advice, Person, Place, Method }

/// <summary>
/// A question asking «hvor mange» is not answered by a passage without a number, «når» not without a date or year;
/// lexical coverage alone cannot see this, since all the question's words may stand in a
/// sentence that says something else about them.
/// </summary>
internal static partial class AnswerTypes
{
    internal static AnswerType Of(string question)
    {
        // Folded as the search folds words, so «naar», «arlig», «sporre» typed without æøå read as «når», «årlig», «spørre»;
        // the patterns below are written folded for that reason.
        var q = NorwegianFoldingFilter.FoldLower(question);
        if (Frequency().IsMatch(q)) return AnswerType.Frequency;
        if (Money().IsMatch(q)) return AnswerType.Money;
        if (Amount().IsMatch(q)) return AnswerType.Amount;
        if (HowLong().IsMatch(q)) return AnswerType.Duration;
        if (Deadline().IsMatch(q)) return AnswerType.Deadline;
        if (Time().IsMatch(q)) return AnswerType.Time;
        if (Reason().IsMatch(q)) return AnswerType.Reason;
        if (Definition().IsMatch(q)) return AnswerType.Definition;
        // «Har dere noen tips til …», «hva anbefaler dere», «bør vi …»: advice, as the guidance gives it («bør», «anbefales»).
        if (Advice().IsMatch(q)) return AnswerType.Advice;
        // «Har Nordland en årlig konferanse?» asks how often as surely as «hvor ofte»; the text may say «en gang i året».
        if (FrequencyAdjective().IsMatch(q)) return AnswerType.Frequency;
        // «Hvem er matkontakt …», «kven kan vi kontakte», «hvem kan vi spørre om …»: a contact is a person, named.
        if (Contact().IsMatch(q)) return AnswerType.Person;
        // «Hvilke kommuner …», «kva for fylke …», «hvilket embete …»: the answer names them.
        if (WhichPlace().IsMatch(q)) return AnswerType.Place;
        // «Hvordan skal reformen evalueres?»: a way of doing it («gjennom følgeevaluering», «ved en digital workshop»).
        if (Method().IsMatch(q)) return AnswerType.Method;
        // «Hvem/kven» alone was tried and dropped: its answers are roles and groups («målgruppa», «ressurspanelet») as often as names.
        return AnswerType.Any;
    }

    /// <summary>
    /// The words that only say what kind of answer is wanted, not what it is about: the verbs of «hva betyr / tyder /
    /// menes med / innebærer», «lenge» in «hvor lenge», «ofte» in «hvor ofte», «spørre» in «hvem kan vi spørre». They leave the coverage.
    /// </summary>
    internal static bool IsCue(AnswerType type, string term) => type switch
    {
        AnswerType.Definition => term is "betyr" or "tyd" or "men" or "mein" or "innebaer" or "inneb",
        AnswerType.Duration => term is "leng" or "lang" or "tid",
        AnswerType.Deadline => term is "frist",
        AnswerType.Advice => term is "tips" or "rad" or "anbefal",
        AnswerType.Person => term is "sporr" or "sporj" or "ring" or "snakk" or "henv" or "vend",
        AnswerType.Frequency => term is "oft" or "gang" or "gong" or "arlig" or "arleg" or "halvarlig" or "halvarleg" or "manedlig" or "manadleg"
            or "ukentlig" or "vekentleg" or "jevnlig" or "jamleg" or "regelmessig" or "kvartalsvi" or "halvarsvi",
        _ => false,
    };

    /// <summary>Every analysed form of the question's words: a number or time already in the question is not its answer.</summary>
    internal static HashSet<string> Asked(List<QueryGroup> groups) =>
        groups.SelectMany(g => g.Terms.Select(t => t.Term)).ToHashSet(StringComparer.Ordinal);

    /// <summary>True when the window (units u and u+1 of the passage, or the whole passage without units) holds a fitting answer.</summary>
    internal static bool Fits(AnswerType type, HashSet<string> asked, List<QueryGroup> groups, PassageTerms p, int unit, int span)
    {
        if (type == AnswerType.Any) return true;
        var whole = unit < 0 || p.Units.Length == 0;
        // «Hva er velferdsteknologi?»: the passage must say what the word is, not merely use it; names are what is asked about, not defined.
        if (type == AnswerType.Definition)
        {
            var subjects = groups.Where(g => !g.IsName).ToList();
            if (subjects.Any(g => g.WholeForms.Any(p.Defined.Contains))) return true;
            // «… kan betegnes som samskaping», «“The Silver Economy” blir definert som …» under the heading «Sølvøkonomien».
            if (!StatedIn(p, type, unit, span, whole)) return false;
            var near = whole ? [p.All] : p.Units.Skip(unit).Take(Math.Max(1, span)).Append(p.Head).ToArray();
            return subjects.Any(g => g.WholeForms.Any(t => near.Any(u => u.Contains(t))));
        }
        // «Hvorfor», «hvor lenge», «fristen»: the window says it in so many words (see Phrasings).
        if (p.Stated.ContainsKey(type)) return StatedIn(p, type, unit, span, whole);
        IEnumerable<string> window = whole ? p.All : p.Units.Skip(unit).Take(Math.Max(1, span)).SelectMany(x => x);
        // What a per-unit record of the passage holds within the window (or anywhere in a passage without units).
        IEnumerable<string> InWindow(HashSet<string>[] perUnit) => (whole ? perUnit : perUnit.Skip(unit).Take(Math.Max(1, span))).SelectMany(x => x);
        // «Hvor mange kommuner …»: a number that counts municipalities, not one that counts USHT-ane or webinars.
        if (type == AnswerType.Amount && groups.FirstOrDefault(g => g.IsCounted) is { } thing)
            return InWindow(p.Counted).Any(t => thing.Terms.Any(x => x.Term == t));
        // «Hvilke kommuner …»: a place or body the question does not already name («Ulstein», «Fylkesmannen i Trøndelag»).
        if (type == AnswerType.Place)
            return InWindow(p.UnitNames).Any(t => !asked.Contains(t));
        // A number answers «hvor mange» only where it counts something (not «1. november», not a list's «2.»).
        if (type == AnswerType.Amount && InWindow(p.Amounts).Any(t => !asked.Contains(t))) return true;
        // «Når blir konferansen i 2022?» asks when within that year: another year («… 2023») is no answer to it.
        var yearAsked = type == AnswerType.Time && asked.Any(IsYear);
        foreach (var t in window)
        {
            if (asked.Contains(t)) continue;
            var fits = type switch
            {
                AnswerType.Amount => NumberWords.Contains(t),
                AnswerType.Time => (t.Any(char.IsDigit) && !(yearAsked && IsYear(t))) || Months.Any(m => t.StartsWith(m, StringComparison.Ordinal)),
                _ => true,
            };
            if (fits) return true;
        }
        return false;
    }

    /// <summary>
    /// Whether the best passage can be trusted to answer: <see cref="Fits"/> (any passage for advice), or for «hva er X» a section headed by X
    /// («Samskaping», «Næringsliv og «Sølvøkonomien»»), which is where a document says what X is, though not always with
    /// «X er …». That heading does not make its window the better answer, so it counts here and not in ranking.
    /// </summary>
    internal static bool Answers(AnswerType type, List<QueryGroup> groups, PassageTerms p, int unit, int span) =>
        // Guidance advises in lists and questions too, not only with «bør», and a way of doing something is often told
        // without «gjennom» or «ved»: these rank, they do not decline.
        type is AnswerType.Advice or AnswerType.Method
        || Fits(type, Asked(groups), groups, p, unit, span)
        || (type == AnswerType.Definition && groups.Any(g => !g.IsName && g.WholeForms.Any(p.HeadingSubjects.Contains)));

    private static bool StatedIn(PassageTerms p, AnswerType type, int unit, int span, bool whole)
    {
        if (!p.Stated.TryGetValue(type, out var stated)) return false;
        var (from, to) = whole ? (0, stated.Length) : (unit, Math.Min(stated.Length, unit + Math.Max(1, span)));
        for (var i = from; i < to; i++)
            if (stated[i]) return true;
        return false;
    }

    // Analysed (stemmed, folded) forms and prefixes; "to" and "ett" are stop words or too ambiguous to list.
    private static readonly HashSet<string> NumberWords = new(StringComparer.Ordinal)
    {
        "tre", "fir", "fire", "fem", "seks", "sju", "syv", "atte", "ni", "ti", "elleve", "tolv", "femt", "tjue", "tretti", "hundr", "hundre",
        "tus", "tusen", "million", "milliard", "prosent", "halvpart", "halvparten", "flertall", "flertal", "fleirtal", "dobbel",
    };

    private static readonly string[] Months =
        ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "septemb", "oktob", "novemb", "desemb", "host", "sommer", "vinter"];

    /// <summary>
    /// The answer types whose answers are recognised by their wording in the text, and that wording: a reason for
    /// «hvorfor», a length or an end for «hvor lenge» (not any date), a date to meet for «fristen», how often, a naming
    /// verb for «hva er», a sum of money for «hva koster», advice for «tips», a way for «hvordan». Matched on the raw text: many of these
    /// words («fordi», «i», «hver») are stop words.
    /// </summary>
    internal static readonly (AnswerType Type, Regex Pattern)[] Phrasings =
        [(AnswerType.Reason, GivesReason()), (AnswerType.Duration, GivesDuration()), (AnswerType.Deadline, GivesDeadline()),
         (AnswerType.Frequency, GivesFrequency()), (AnswerType.Definition, GivesDefinition()), (AnswerType.Money, GivesMoney()),
         (AnswerType.Advice, GivesAdvice()), (AnswerType.Method, GivesMethod())];

    /// <summary>«Hvor ofte», and «hvor mange ganger (i året)»: a count of times is a frequency («to ganger pr. år»), not an amount.</summary>
    [GeneratedRegex(@"\b(hvor|kor|hvur)\s+(ofte|hyppig)\b|\b(hvor|kor)\s+mange\s+(ganger|gonger|gangar)\b")] private static partial Regex Frequency();
    /// <summary>«Hvem er kontaktperson …», «hvem kan vi spørre / ringe / snakke med / henvende oss til …»: someone to turn to.</summary>
    [GeneratedRegex(@"^\W*(hvem|kven|kem)\b.*(kontakt|\b(sporre|sporje|ringe|snakke\s+med|henvende|vende\s+oss))")] private static partial Regex Contact();
    [GeneratedRegex(@"^\W*(hvilke|hvilken|hvilket|kva\s+for(\s+ein|\s+eit|\s+ei)?|kva)\s+([\p{L}]+\s+)?(kommune|kommuner|kommunar|fylke|fylker|fylka|land|embete|embeter|embeta|embetet)\b")]
    private static partial Regex WhichPlace();

    /// <summary>
    /// A person named in the text: two or three capitalised words in a row, as in a list of contacts («Julie Tangen –
    /// Kontaktperson», «til Thorstein Ouren, tlf.»), none of which the documents also write in lower case
    /// («Aldersvennlig Norge», «Mental Helse» are not people).
    /// </summary>
    internal static bool NamesPerson(string text, CorpusModel corpus)
    {
        foreach (Match m in PersonName().Matches(text))
        {
            var words = m.Value.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 2);
            if (words.All(w => corpus.Analyzer.Tokens(w).All(t => !corpus.LowerCaseWords.Contains(t.Term)))) return true;
        }
        return false;
    }

    [GeneratedRegex(@"(?<![\p{L}.])\p{Lu}\p{Ll}+(-\p{Lu}\p{Ll}+)?( \p{Lu}\.)?( \p{Lu}\p{Ll}+){1,2}(?=\s*([–,(-]|tlf|e\.f|$))")]
    private static partial Regex PersonName();
    /// <summary>«Hva koster …», «hvor mye penger …», «kostnaden» (not «prisen»: in this corpus that is the reform's award): a sum of money, not any count.</summary>
    [GeneratedRegex(@"\b(hva|kva)\s+(koster|kostar|kosta|kostet)\b|\b(hvor|kor)\s+(mye|mykje)\s+(penger|pengar|koster|kostar|kroner)\b|\b(kostnaden|kostnadene|kostnadane)\b")]
    private static partial Regex Money();
    [GeneratedRegex(@"\b(tips|rad|anbefaler|anbefale|anbefalingar|anbefalinger)\b|\b(bor|burde)\s+(vi|kommunen|kommunane|kommunene|man|me|eg|jeg|dere|de)\b")]
    private static partial Regex Advice();
    /// <summary>A recommendation: «bør», «anbefales», «det er lurt å», «viktig å».</summary>
    [GeneratedRegex(@"\b(bør|burde|anbefal\w*|tips|råd|rådet|lurt|lønner seg|nyttig å|viktig å)\b", RegexOptions.IgnoreCase)]
    private static partial Regex GivesAdvice();
    /// <summary>A sum: «10 mill. kroner», «kr 500», «1 000 000», «2,5 millioner».</summary>
    [GeneratedRegex(@"\d\s*(mill\.?|millioner|milliarder|mrd\.?|kr\.?|kroner|NOK)(?!\p{L})|\bkr\.?\s*\d|\b\d{1,3}( \d{3})+\b|\d,-", RegexOptions.IgnoreCase)]
    private static partial Regex GivesMoney();
    [GeneratedRegex(@"\b(arlig|arleg|halvarlig|halvarleg|manedlig|manadleg|ukentlig|vekentleg|jevnlig|jamleg|regelmessig|kvartalsvis|halvarsvis)\w*")]
    private static partial Regex FrequencyAdjective();
    [GeneratedRegex(@"^\W*(hvorfor|kvifor|korfor)\b")] private static partial Regex Reason();
    [GeneratedRegex(@"^\W*(hvordan|korleis|koss|assen)\b")] private static partial Regex Method();
    /// <summary>How something is done: «gjennom følgeevaluering» (not «gjennom året»), «ved en digital workshop», «på bakgrunn av dialogmøter», «bestående av», what is organised or established.</summary>
    [GeneratedRegex(@"\b(gjennom(?!\s+(hele|heile|året|åra|årene|perioden|reformperioden|våren|hausten|høsten|dagen|\d))|ved\s+(å|at|en|et|ei|ein|eit|hjelp|bruk)|på\s+(bakgrunn|grunnlag)\s+av|med\s+utgangspunkt\s+i|bestående\s+av|i\s+form\s+av|organiser\w*|etabler\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex GivesMethod();
    /// <summary>«Hvor lenge», «hvor lang tid», «kor lang oppseiingsfrist»: how long something lasts.</summary>
    [GeneratedRegex(@"\b(hvor|kor)\s+(lenge|lang)\b")] private static partial Regex HowLong();
    // «fristen», «søknadsfristen»: a deadline question, also after «hva er» (not a definition) or «når».
    [GeneratedRegex(@"\w*frist(en|a|ar|er|ene)?\b")] private static partial Regex Deadline();
    /// <summary>A date something must happen by.</summary>
    [GeneratedRegex(@"\b(innen|senest|seinast|frist(en)?\s+(er|var)?|før|pr\.|per)\s+(\d|utgangen|slutten|[a-zæøå]+dag)", RegexOptions.IgnoreCase)]
    private static partial Regex GivesDeadline();
    /// <summary>How long something lasts: a length of time, the point it lasts until, or since when («siden 2011», «sidan 1980-talet»).</summary>
    [GeneratedRegex(@"\b(\d+|ett|ein|en|ei|to|tre|fire|fem|seks|sju|åtte|ti)\s+(år|års|måneder|månader|måneders|månaders|uker|veker|ukers|dager|dagar|dagers|timer|timar|minutter|minutt)\b|\b(til|ut|inntil|fram til|frem til|innen)\s+(\d|utgangen|slutten)|\b(siden|sidan|sia)\s+\d", RegexOptions.IgnoreCase)]
    private static partial Regex GivesDuration();
    /// <summary>
    /// How often: «to ganger i året», «2 gr. i året», «hvert halvår», «halvårsvise samlinger», «årlig», «jevnlig».
    /// Not «i år», which is this year, not every year.
    /// </summary>
    [GeneratedRegex(@"\b(\d+|en|én|ei|ein|eitt?|to|tre|fire|fem|seks|flere|fleire|noen|nokre|mange)\s+(ganger?|gonger?|gr\.)|\b(i|per|pr\.?|hvert?|kvart?|annethvert|annakvart)\s+(året|halvåret|kvartalet|måneden|månaden|uka|uken|veka|veke|dag)\b|\b(hvert?|kvart?|per|pr\.?|annethvert|annakvart)\s+(år|halvår|kvartal|måned|månad|uke|veke)\b|\b(årlig|årleg|halvårlig|halvårleg|halvårsvis|kvartalsvis|månedlig|månadleg|månedsvis|ukentlig|vekentleg|daglig|dagleg|jevnlig|jamleg|jamnleg|regelmessig|hyppig)\w*",
        RegexOptions.IgnoreCase)]
    private static partial Regex GivesFrequency();
    /// <summary>A sentence that defines or names something, whatever word it defines: «blir definert som», «kan betegnes som».</summary>
    [GeneratedRegex(@"\b(defineres|definerast|definert|betegnes|kalles|forstås)\s+(som|med)\b|\bvil\s+si\b|\bmenes\s+med\b", RegexOptions.IgnoreCase)]
    private static partial Regex GivesDefinition();
    /// <summary>Words that give a reason; raw text, since «fordi» and «siden» are stop words.</summary>
    [GeneratedRegex(@"\b(fordi|derfor|dermed|difor|grunn(en|ene|er)?|årsak(en|er|ene)?|skyldes|ettersom|på grunn av|som følge av|med tanke på)\b", RegexOptions.IgnoreCase)]
    private static partial Regex GivesReason();
    [GeneratedRegex(@"\b(hvor|kor|hvur)\s+(mange|mye|mykje|stor|store|hoy)\b")] private static partial Regex Amount();
    // At the start only: «hvordan når vi ut» uses «når» as a verb.
    [GeneratedRegex(@"^\W*(nar|kva\s+tid|hva\s+tid|kor\s+tid|hvilken\s+dato|hvilket\s+ar|kva\s+ar)\b")] private static partial Regex Time();
    // A short «hva er X» / «hva betyr X» (not «hva er det første …»), or any question about a definition.
    [GeneratedRegex(@"^\W*(hva|kva)\s+(er|betyr|tyder|menes med|meiner ein med|vil det si)\s+(en\s+|et\s+|ei\s+|ein\s+|eit\s+)?(?!det\b|de\b|dei\b|den\b)[\p{L}-]+(\s+[\p{L}-]+){0,3}\W*$|defin")]
    private static partial Regex Definition();
    /// <summary>
    /// A number that counts something («307 av 356 kommuner», «20 utviklingssentre»), not a list marker («1.» at a line's
    /// start), a date («1. november»), a year or a section number («3.1»): what «hvor mange» looks for.
    /// </summary>
    internal static bool IsAmount(string text, AnalyzedToken t)
    {
        if (!t.Term.Any(char.IsDigit) || t.Term.Contains('.') || IsYear(t.Term)) return false;
        var after = text.AsSpan(Math.Min(t.End, text.Length));
        if (DateAfter().IsMatch(after)) return false;
        // What is counted follows the number («172 kommuner», «26 mill. kroner», «40 %»); a label number does not count
        // anything («fase 3 (gjennomføringsfasen)», «Trinn 1 –», a list's «2.»).
        var next = after.TrimStart(' ');
        if (next.IsEmpty || !(char.IsLower(next[0]) || next[0] == '%' || (char.IsDigit(next[0]) && after.Length > next.Length))) return false;
        // «i fase 3 med eksempler», «Innst. 43 S», «side 170»: a number after a label word names, it does not count.
        var start = Math.Min(t.Start, text.Length);
        return !LabelBefore().IsMatch(text.AsSpan(Math.Max(0, start - 16), start - Math.Max(0, start - 16)));
    }

    [GeneratedRegex(@"\b(fase|trinn|steg|kap|kapittel|side|sidene|punkt|pkt|nr|nummer|innst|prop|tabell|figur|vedlegg|mål|del|kl|§)\.?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex LabelBefore();

    internal static bool IsYear(string term) => Year().IsMatch(term);

    internal static bool IsNumberWord(string term) => NumberWords.Contains(term);

    /// <summary>The word «hvor mange» asks about («hvor mange kommuner» → «kommuner»), when it is one the documents count.</summary>
    internal static void MarkCounted(AnswerType type, string question, List<QueryGroup> groups, HashSet<string> countedTerms)
    {
        if (type != AnswerType.Amount || CountedWord().Match(NorwegianFoldingFilter.FoldLower(question)) is not { Success: true } m) return;
        var word = m.Groups[2].Value;
        var group = groups.FirstOrDefault(g => g.Written == word);
        // People («hvor mange deltok / deltakere / personer») are counted as such or not at all: the municipalities or
        // webinars a sentence counts beside them are no answer, though the documents may never count people.
        if (group is not null && (group.Terms.Any(t => countedTerms.Contains(t.Term)) || People().IsMatch(word))) group.IsCounted = true;
    }

    [GeneratedRegex(@"\b(hvor|kor)\s+mange\s+([\p{L}-]+)")] private static partial Regex CountedWord();
    [GeneratedRegex(@"^(deltok|deltek|deltar|deltatt|deltakere|deltagere|deltakarar|personer|personar|folk|mennesker|menneske|pameldte|motte|frammotte|fremmotte)$", RegexOptions.IgnoreCase)]
    private static partial Regex People();

    [GeneratedRegex(@"^(19|20)\d\d$")] private static partial Regex Year();

    [GeneratedRegex(@"^\.?\s*(januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember)", RegexOptions.IgnoreCase)]
    private static partial Regex DateAfter();
}
