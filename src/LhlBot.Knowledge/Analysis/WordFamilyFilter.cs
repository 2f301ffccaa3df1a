using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.TokenAttributes;

namespace LhlBot.Knowledge.Analysis;

/// <summary>
/// Joins the forms of a word that the light stemmer leaves apart. A verb in «-ere» and its action noun: «organisert»,
/// «organisere», «organiserer» and «organisering» all also yield «organiser»; «vurdert» and «vurdering» «vurder».
/// The same for the compounds of «ta», whose participle and past the light stemmer cannot join to the infinitive:
/// «vedtatt», «vedtok», nynorsk «vedteke» and «vedtek» also yield «vedt», the stem of «vedta», «vedtar» and «vedtas»; and for a
/// few other strong verbs the domain uses in compounds: «iverksatt» → «iverkset», «planlagt» → «planlegg», «inngått» → «inngå».
/// An adjective's neuter in «-alt»: «regionalt» → «regional»; nynorsk «-leg» → «-lig». A word in «-te» also yields
/// itself without the «e»: «starte» → «start», as «startar» stems. An action noun in «-ing» yields its verb's stem
/// («gjennomføringen» → «gjennomfør»). These extra terms stand at the word's own position, like synonyms, and are not
/// stemmed again. Last, a nynorsk spelling of the care words yields the bokmål word («heimetenester» → «hjemmetjenester»),
/// which is stemmed like any word.
/// </summary>
internal sealed class WordFamilyFilter : TokenFilter
{
    /// <summary>The token type of a nynorsk word's bokmål spelling: a synonym, but one whose compound parts count.</summary>
    internal const string TypeSpelling = "<SPELLING>";
    private const int MinRoot = 4;
    private static readonly string[] Endings = ["eringene", "eringen", "eringer", "ering", "erende", "erte", "erer", "eres", "ere", "ert"];
    // «vedtatt», «deltok», «vedteke»: a prefix of three letters or more, so «tatt» and «tok» alone are left alone.
    private const int MinPrefix = 3;
    private static readonly string[] TaEndings = ["tatte", "tatt", "tekne", "teke", "tek", "tok"];
    // Other strong verbs: the participle or past, and the stem of the infinitive (as the light stemmer leaves it).
    private static readonly (string Ending, string Stem)[] Strong =
    [
        ("satte", "set"), ("satt", "set"), ("lagte", "legg"), ("lagt", "legg"), ("fulgte", "følg"), ("fulgt", "følg"),
        ("valgte", "velg"), ("valgt", "velg"), ("skrevet", "skriv"), ("skrev", "skriv"), ("gått", "gå"), ("gikk", "gå"),
        ("gjort", "gjør"), ("gjorde", "gjør"), ("brakt", "bring"),
    ];
    // Said alone, not only in a compound («lagt fram», «valgt»). Not «satt» (also «sat»), nor the light verbs «gått» and
    // «gjort» («har gått over i fase 3»), which would make «gå» and «gjøre» count as content words.
    private static readonly HashSet<string> StrongAlone = ["lagt", "lagte", "valgt", "valgte", "skrevet", "fulgt", "fulgte"];

    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _posInc;
    private readonly ITypeAttribute _type;
    private readonly IKeywordAttribute _keyword;
    private State? _pending;
    private readonly Queue<(string Term, bool Stemmed)> _families = new();

    internal WordFamilyFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _posInc = AddAttribute<IPositionIncrementAttribute>();
        _type = AddAttribute<ITypeAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_families.Count > 0)
        {
            RestoreState(_pending);
            var (term, stemmed) = _families.Dequeue();
            _term.SetEmpty().Append(term);
            _posInc.PositionIncrement = 0;
            // A whole bokmål word is split into its parts like the word it stands for («brukerperspektivet»); a family stem is not.
            _type.Type = stemmed ? SynonymFilter.TYPE_SYNONYM : TypeSpelling;
            _keyword.IsKeyword = stemmed;
            return true;
        }
        if (!m_input.IncrementToken()) return false;
        var word = _term.ToString();
        if (Family(word) is { } family) _families.Enqueue((family, true));
        if (ActionNounVerb(word) is { } verb && !_families.Contains((verb, true))) _families.Enqueue((verb, true));
        // A whole word, not a stem: the stemmer after this filter treats it like the word it stands beside.
        if (BokmaalSpelling(word) is { } bokmaal) _families.Enqueue((bokmaal, false));
        if (_families.Count > 0) _pending = CaptureState();
        return true;
    }

    /// <summary>
    /// The bokmål spelling of the nynorsk words the reform's texts are made of: «tenester» → «tjenester»,
    /// «heimetenester» → «hjemmetjenester», «sjukepleiar» → «sykepleiar» (then stemmed as «sykeplei»), «oppfølgjing» →
    /// «oppfølging», «tilbod» → «tilbud», «omsorgsbustader» → «omsorgsboliger», «einsemd» → «ensomhet», «forsking» →
    /// «forskning», «høyring» → «høring», «rettleiingshefte» → «veiledningshefte», «løysingar» → «løsningar», «samanheng» →
    /// «sammenheng», «nyheit» → «nyhet», «haust» → «høst», «styrkja» → «styrke», «vanlegaste» → «vanligste», «utarbeidd» →
    /// «utarbeid», and a few words no rule reaches («leiar» → «leder», «eig» → «eier», «byrjar» → «begynner», «døme» →
    /// «eksempel»). Null when the same.
    /// </summary>
    internal static string? BokmaalSpelling(string word)
    {
        if (NynorskWords.TryGetValue(word, out var whole)) return whole;
        if (word.Length < 5 || !word.All(char.IsLetter)) return null;
        var b = word;
        if (b.StartsWith("heime", StringComparison.Ordinal)) b = "hjemme" + b[5..];
        else if (b.StartsWith("heim", StringComparison.Ordinal)) b = "hjem" + b[4..];
        if (b.StartsWith("sjuk", StringComparison.Ordinal)) b = "syk" + b[4..];
        // The «j» nynorsk writes in «følgje», «oppfølgjing» and after «gg» («innbyggjarar», «leggje»); not every «lgj»:
        // bokmål «tilgjengelig» has one.
        b = b.Replace("følgj", "følg", StringComparison.Ordinal).Replace("ggj", "gg", StringComparison.Ordinal)
            .Replace("tilbod", "tilbud", StringComparison.Ordinal).Replace("bustad", "bolig", StringComparison.Ordinal)
            .Replace("einsemd", "ensomhet", StringComparison.Ordinal).Replace("forsking", "forskning", StringComparison.Ordinal)
            .Replace("høyring", "høring", StringComparison.Ordinal)
            // «rettleiingshefte», «rettleiaren»: the guide's own name in nynorsk.
            .Replace("rettleiing", "veiledning", StringComparison.Ordinal).Replace("rettleiar", "veileder", StringComparison.Ordinal)
            .Replace("rettlei", "veiled", StringComparison.Ordinal)
            .Replace("verknad", "virkning", StringComparison.Ordinal).Replace("haust", "høst", StringComparison.Ordinal)
            .Replace("kjeld", "kild", StringComparison.Ordinal).Replace("løysing", "løsning", StringComparison.Ordinal)
            .Replace("løys", "løs", StringComparison.Ordinal).Replace("saman", "sammen", StringComparison.Ordinal)
            .Replace("brukar", "bruker", StringComparison.Ordinal).Replace("kjend", "kjent", StringComparison.Ordinal);
        // «vanlegaste», «hyppigaste»: the superlative of an adjective in «-ig» or «-leg».
        if (b.EndsWith("gaste", StringComparison.Ordinal) || b.EndsWith("gast", StringComparison.Ordinal)) b = b.Replace("legast", "ligst").Replace("gast", "gst");
        // «utarbeidd», «greidd»: the participle in «-dd» is bokmål's «-d» / «-et», which stem alike.
        if (b.Length >= 6 && b.EndsWith("dd", StringComparison.Ordinal)) b = b[..^1];
        // «nyheit», «moglegheiter»: nynorsk «-heit» is bokmål «-het».
        var h = b.IndexOf("heit", StringComparison.Ordinal);
        if (h >= 2 && (b.Length == h + 4 || b[(h + 4)..] is "a" or "en" or "er" or "ar" or "ane" or "ene" or "s" || b[h + 4] == 's'))
            b = b[..h] + "het" + b[(h + 4)..];
        // «styrkja», «tenkje», «søkjer»: the «j» nynorsk writes after «k» in a verb.
        if (b.EndsWith("kja", StringComparison.Ordinal) || b.EndsWith("kje", StringComparison.Ordinal)) b = b[..^2] + "e";
        else if (b.EndsWith("kjar", StringComparison.Ordinal) || b.EndsWith("kjer", StringComparison.Ordinal)) b = b[..^3] + "er";
        var t = b.IndexOf("tenest", StringComparison.Ordinal);
        if (t >= 0 && (t == 0 || b[t - 1] != 'j')) b = b[..t] + "tjenest" + b[(t + 6)..];
        return b == word ? null : b;
    }

    /// <summary>Nynorsk words whose bokmål form no spelling rule reaches: «leiar» / «leder», «eig» / «eier», «byrje» / «begynne».</summary>
    private static readonly Dictionary<string, string> NynorskWords = new(StringComparer.Ordinal)
    {
        ["leiar"] = "leder", ["leiaren"] = "lederen", ["leiarar"] = "ledere", ["leiarane"] = "lederne",
        ["leiing"] = "ledelse", ["leiinga"] = "ledelsen", ["leidd"] = "ledet", ["leia"] = "ledet",
        ["byrja"] = "begynne", ["byrje"] = "begynne", ["byrjar"] = "begynner", ["byrjinga"] = "begynnelsen", ["spørja"] = "spørre", ["spørje"] = "spørre",
        ["setja"] = "sette", ["setje"] = "sette", ["døme"] = "eksempel", ["dømet"] = "eksempelet", ["døma"] = "eksempler", ["dømer"] = "eksempler",
        ["førespurnad"] = "forespørsel", ["førespurnaden"] = "forespørselen", ["noreg"] = "norge", ["meir"] = "mer",
        ["eig"] = "eier", ["eigar"] = "eier", ["eigaren"] = "eieren", ["eigarar"] = "eiere", ["eigarane"] = "eierne", ["eigd"] = "eid", ["eigarskap"] = "eierskap",
    };

    private static readonly string[] NounEndings = ["ingane", "ingene", "ingar", "inger", "ingen", "inga", "ing"];

    /// <summary>
    /// An action noun in «-ing» also yields its verb's stem, which the light stemmer never reaches: «gjennomføringen» →
    /// «gjennomfør» (as «gjennomføre»), «planlegging» → «planlegg», «endringer» → «endr», «ordning» → «ordn». Not «-ning»
    /// cut as well («beslutning» → «beslut»): a typo such as «samskapning» then looked like a known word and lost its typo match.
    /// </summary>
    internal static string? ActionNounVerb(string word)
    {
        if (!word.All(char.IsLetter)) return null;
        foreach (var ending in NounEndings)
            if (word.EndsWith(ending, StringComparison.Ordinal) && word.Length >= MinRoot + ending.Length)
                return word[..^ending.Length];
        return null;
    }

    /// <summary>«organisering» → «organiser», «vedtatt» → «vedt», «planlagt» → «planlegg»; null for a word in no family.</summary>
    internal static string? Family(string word)
    {
        if (!word.All(char.IsLetter)) return null;
        foreach (var ending in Endings)
            if (word.Length >= MinRoot + ending.Length && word.EndsWith(ending, StringComparison.Ordinal))
                return word[..^ending.Length] + "er";
        foreach (var ending in TaEndings)
            if (word.Length >= MinPrefix + ending.Length && word.EndsWith(ending, StringComparison.Ordinal))
                return word[..^ending.Length] + "t";
        // Nynorsk adjectives in «-leg» are bokmål's «-lig»: «tilgjengeleg», «årleg», «vanleg» also yield «tilgjengelig», «årlig», «vanlig».
        if (word.Length >= 5 && word.EndsWith("leg", StringComparison.Ordinal)) return word[..^3] + "lig";
        // The neuter of an adjective in «-al»: «regionalt», «nasjonalt», «lokalt» also yield «regional», «nasjonal», «lokal».
        if (word.Length >= 6 && word.EndsWith("alt", StringComparison.Ordinal)) return word[..^1];
        foreach (var (ending, stem) in Strong)
            if (word.EndsWith(ending, StringComparison.Ordinal) && (word.Length >= MinPrefix + ending.Length || StrongAlone.Contains(word)))
                return word[..^ending.Length] + stem;
        // The light stemmer cuts «-te» as a past tense («lærte» → «lær»), also where the «t» is the root's: «starte» → «star»
        // while «startar», «starter», «startet» → «start»; «veiledningshefte» → «veiledningshef» but «-heftet» → «-heft».
        // The word without its «e» is what those other forms stem to.
        if (word.Length >= 5 && word.EndsWith("te", StringComparison.Ordinal)) return word[..^1];
        return null;
    }

    public override void Reset()
    {
        base.Reset();
        _pending = null;
        _families.Clear();
    }
}
