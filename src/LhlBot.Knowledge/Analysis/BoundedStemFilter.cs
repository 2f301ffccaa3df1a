using Lucene.Net.Analysis;
using Lucene.Net.Analysis.No;
using Lucene.Net.Analysis.TokenAttributes;

namespace LhlBot.Knowledge.Analysis;

/// <summary>
/// The light Norwegian stemmer, except where it cuts four letters or more: there it often takes a verb's root with the
/// ending («oversendes» → «overs», «besvares» → «besv»), and the minimal stemmer's plural and definite endings are used
/// instead («oversend», «besvar»), which meet «sende» and «svare».
/// </summary>
internal sealed class BoundedStemFilter : TokenFilter
{
    private readonly NorwegianLightStemmer _light = new(NorwegianStandard.BOKMAAL | NorwegianStandard.NYNORSK);
    private readonly NorwegianMinimalStemmer _minimal = new(NorwegianStandard.BOKMAAL | NorwegianStandard.NYNORSK);
    private readonly ICharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;

    internal BoundedStemFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    /// <summary>
    /// «oversendes» → «overs», «besvares» → «besv», «anvende» → «anv»: the light stemmer took a passive or participle
    /// ending together with the verb's root. Its derivations («frivilligheten» → «frivillig», «forsinkelser» →
    /// «forsink», «aktiverende» → «aktiver») are kept: they are consistent across a word's forms.
    /// </summary>
    private static bool IsVerbRootCut(char[] word, int stem)
    {
        var cut = new string(word, stem, word.Length - stem);
        return cut is "endes" or "ares" || (cut is "ende" or "ande" && stem < 4) || (cut is "are" && stem < 5);
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        if (_keyword.IsKeyword) return true;
        var buffer = _term.Buffer;
        var length = _term.Length;
        var original = new char[length];
        Array.Copy(buffer, original, length);
        var light = _light.Stem(buffer, length);
        if (IsVerbRootCut(original, light))
        {
            Array.Copy(original, buffer, length);
            light = _minimal.Stem(buffer, length);
        }
        _term.Length = light;
        return true;
    }
}
