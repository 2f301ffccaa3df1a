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
    // Stateless: they only read the buffer they are given and return a length.
    private static readonly NorwegianLightStemmer Light = new(NorwegianStandard.BOKMAAL | NorwegianStandard.NYNORSK);
    private static readonly NorwegianMinimalStemmer Minimal = new(NorwegianStandard.BOKMAAL | NorwegianStandard.NYNORSK);
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
        _term.Length = Stem(_term.Buffer, _term.Length);
        return true;
    }

    /// <summary>The stem's length: the word's first <paramref name="length"/> letters, stemmed as this filter does.</summary>
    internal static int Stem(char[] buffer, int length)
    {
        // Both stemmers only shorten: the word stays whole in the buffer whatever the first one returned.
        var stem = Light.Stem(buffer, length);
        return IsVerbRootCut(buffer, length, stem) ? Minimal.Stem(buffer, length) : stem;
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
