using Lucene.Net.Analysis.No;
using Lucene.Net.Analysis.Util;

namespace LhlBot.Knowledge.Analysis;

/// <summary>Bokmål and nynorsk function words plus question words; a question's content is what remains.</summary>
internal static class NorwegianStopWords
{
    private static readonly string[] Extra =
    [
        // nynorsk forms the standard list lacks or that users type
        "kva", "korleis", "kvifor", "kven", "kvar", "kor", "eit", "ein", "ei", "ikkje", "frå", "heile", "heilt", "dei", "deira", "dykk",
        "vere", "vore", "vart", "vert", "blir", "ho", "han", "me", "no", "òg", "også", "berre", "mykje", "nokon", "noko", "nokre",
        "sjølv", "slik", "sånn", "kunne", "skal", "skulle", "må", "måtte", "bør", "burde", "kan", "vil", "ville",
        // nynorsk for the bokmål filler words below («ifølge», «hos», «fikk», «gjør», «finnes»)
        "ifølgje", "hjå", "millom", "fekk", "gjer", "gjere", "finst", "finnast", "eigentleg", "blei", "vorte", "verte",
        // bokmål question and filler words
        "hva", "hvordan", "hvorfor", "hvem", "hvilke", "hvilken", "hvilket", "hvor", "når", "mye", "mange", "noen", "noe", "finnes",
        "dere", "vi", "jeg", "du", "oss", "meg", "deg", "gjør", "gjøre", "gjorde", "får", "fikk", "få", "er", "var", "har", "hadde",
        "ha", "det", "den", "de", "en", "et", "og", "i", "på", "til", "for", "med", "om", "av", "fra", "som", "at", "så", "seg",
        "egentlig", "liksom", "ja", "nei", "pga", "ifølge", "hos", "mellom", "etter", "under", "over", "ved", "via",
        // spoken fillers a chat question carries («de sier visst at det er ting de ikke fikser», «hva er greia med …»)
        "visst", "jo", "altså", "typ", "kanskje", "sikkert", "ting", "tingen", "tinga", "tingene", "greia", "greiene",
    ];

    /// <summary>Every stop word also in its ASCII-typed form ("paa", "pa", "fra"), since stop removal runs before folding.</summary>
    internal static readonly CharArraySet Set = Build();

    private static CharArraySet Build()
    {
        var set = new CharArraySet(NorwegianAnalyzer.Lucene, 300, ignoreCase: true);
        foreach (var w in NorwegianAnalyzerStopWords().Concat(Extra))
        {
            set.Add(w);
            set.Add(NorwegianFoldingFilter.Fold(w));
            set.Add(w.Replace("å", "aa").Replace("æ", "ae").Replace("ø", "o"));
        }
        return set.AsReadOnly();
    }

    private static IEnumerable<string> NorwegianAnalyzerStopWords() =>
        Lucene.Net.Analysis.No.NorwegianAnalyzer.DefaultStopSet.Select(o => o.ToString());
}
