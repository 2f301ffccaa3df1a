using Lucene.Net.Analysis;
using Lucene.Net.Analysis.No;
using Lucene.Net.Analysis.TokenAttributes;

namespace LhlBot.Knowledge.Analysis;

/// <summary>
/// The light Norwegian stemmer (bokmål and nynorsk), except where it takes a verb's root together with a passive or
/// participle ending («oversendes» → «overs», «besvares» → «besv», «anvende» → «anv»): there the minimal stemmer's
/// plural and definite endings are used instead («oversend», «besvar», «anvend»), which meet «sende» and «svare».
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

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        if (_keyword.IsKeyword) return true;
        var buffer = _term.Buffer;
        var length = _term.Length;
        // Both stemmers only shorten: the word stays whole in the buffer whatever the first one returned.
        var stem = _light.Stem(buffer, length);
        if (IsVerbRootCut(buffer, length, stem)) stem = _minimal.Stem(buffer, length);
        _term.Length = stem;
        return true;
    }

    /// <summary>
    /// The cuts that took the verb's root: «-endes», «-ares», and «-ende / -ande / -are» leaving a stub. The light
    /// stemmer's derivations («frivilligheten» → «frivillig», «forsinkelser» → «forsink», «aktiverende» → «aktiver»)
    /// are kept: they are consistent across a word's forms.
    /// </summary>
    private static bool IsVerbRootCut(char[] word, int length, int stem)
    {
        var cut = new ReadOnlySpan<char>(word, stem, length - stem);
        return cut is "endes" or "ares" || (cut is "ende" or "ande" && stem < 4) || (cut is "are" && stem < 5);
    }
}
