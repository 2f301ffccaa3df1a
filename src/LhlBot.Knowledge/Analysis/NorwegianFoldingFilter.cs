using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace LhlBot.Knowledge.Analysis;

/// <summary>
/// Folds Norwegian letters the way people type them without a Norwegian keyboard: æ→ae, ø→o, å→a, and "aa"→a,
/// applied to documents and questions alike so «på», «paa» and «pa» meet.
/// </summary>
internal sealed class NorwegianFoldingFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    internal NorwegianFoldingFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        var text = _term.ToString();
        var folded = Fold(text);
        if (!ReferenceEquals(text, folded)) _term.SetEmpty().Append(folded);
        return true;
    }

    /// <summary>Text as the chain compares words, lower-cased and folded: «Trøndelag», «TRONDELAG» and «trondelag» alike.</summary>
    internal static string FoldLower(string text) => Fold(text.ToLowerInvariant());

    internal static string Fold(string text)
    {
        var needs = false;
        foreach (var c in text)
            if (c is 'æ' or 'ø' or 'å' or 'ä' or 'ö' || (c == 'a' && text.Contains("aa", StringComparison.Ordinal))) { needs = true; break; }
        if (!needs) return text;
        var sb = new StringBuilder(text.Length + 2);
        foreach (var c in text)
        {
            switch (c)
            {
                case 'æ' or 'ä': sb.Append("ae"); break;
                case 'ø' or 'ö': sb.Append('o'); break;
                case 'å': sb.Append('a'); break;
                default: sb.Append(c); break;
            }
        }
        return sb.Replace("aa", "a").ToString();
    }
}
