using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;

namespace LhlBot.Knowledge.Analysis;

/// <summary>
/// Splits a Norwegian compound against the corpus' own vocabulary: "gjennomforingsplan" also yields "plan" (its head)
/// and "gjennomforing", at the same position. Only words the corpus uses on their own count as parts, which keeps
/// splitting conservative without a dictionary file.
/// </summary>
internal sealed class VocabularyCompoundFilter : TokenFilter
{
    internal const string TypePart = "COMPOUND_PART";
    private const int MinHead = 3;
    /// <summary>A head this short is only trusted when the modifier is a known word too ("nordland" is not "nord" + "and").</summary>
    private const int TrustedHead = 4;
    private const int MinModifier = 4;

    private readonly CharArraySet _vocabulary;
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _posInc;
    private readonly ITypeAttribute _type;
    private readonly Queue<string> _pending = new();
    private State? _state;

    internal VocabularyCompoundFilter(TokenStream input, CharArraySet vocabulary) : base(input)
    {
        _vocabulary = vocabulary;
        _term = AddAttribute<ICharTermAttribute>();
        _posInc = AddAttribute<IPositionIncrementAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_pending.Count > 0)
        {
            RestoreState(_state);
            _term.SetEmpty().Append(_pending.Dequeue());
            _posInc.PositionIncrement = 0;
            _type.Type = TypePart;
            return true;
        }
        if (!m_input.IncrementToken()) return false;
        if (_type.Type != Lucene.Net.Analysis.Synonym.SynonymFilter.TYPE_SYNONYM)
        {
            foreach (var part in Split(_term.ToString(), _vocabulary)) _pending.Enqueue(part);
            if (_pending.Count > 0) _state = CaptureState();
        }
        return true;
    }

    /// <summary>The longest known head, and the modifier before it when that is known too (a linking s/e dropped).</summary>
    internal static List<string> Split(string word, CharArraySet vocabulary)
    {
        var parts = new List<string>();
        if (word.Length < MinHead + MinModifier || !word.All(char.IsLetter)) return parts;
        for (var k = MinModifier; k <= word.Length - MinHead; k++)
        {
            var head = word[k..];
            if (!vocabulary.Contains(head)) continue;
            var modifier = word[..k];
            string? known = vocabulary.Contains(modifier) ? modifier
                : modifier.Length > MinModifier && modifier[^1] is 's' or 'e' && vocabulary.Contains(modifier[..^1]) ? modifier[..^1]
                : null;
            if (known is null && head.Length < TrustedHead) continue;
            parts.Add(head);
            if (known is not null) parts.Add(known);
            break;
        }
        return parts;
    }

    public override void Reset()
    {
        base.Reset();
        _pending.Clear();
        _state = null;
    }
}
