using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;

namespace LhlBot.Knowledge.Analysis;

/// <summary>
/// Restores the compound a hyphen leaves out: «Pasient- og brukerombudet» means «pasientombudet og brukerombudet»,
/// «helse- og omsorgstjenesten» means «helsetjenesten og omsorgstjenesten». The first word also yields the whole
/// compound (its own letters plus the second word's head, found in the corpus' vocabulary) at its position, so a
/// question about «pasientombudet» finds the passage that only says «Pasient- og brukerombudet».
/// </summary>
/// <remarks>
/// The tokenizer drops the hyphen, so <see cref="MarkHyphens"/> first turns «- og » into «_ og »: an underscore joins
/// the word before it into one token («pasient_»), which tells this filter the word was cut short.
/// Runs right after the tokenizer, on the words as written.
/// </remarks>
internal sealed class SuspendedCompoundFilter : TokenFilter
{
    private const char Marker = '_';
    private const int MinModifier = 3;
    private const int MinHead = 4;

    private static readonly NormalizeCharMap Hyphens = BuildHyphens();

    private readonly CharArraySet _vocabulary;
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _posInc;
    private readonly Queue<State> _pending = new();

    internal SuspendedCompoundFilter(TokenStream input, CharArraySet vocabulary) : base(input)
    {
        _vocabulary = vocabulary;
        _term = AddAttribute<ICharTermAttribute>();
        _posInc = AddAttribute<IPositionIncrementAttribute>();
    }

    /// <summary>Marks «X- og Y» and «X- eller Y» for the tokenizer (same length, so offsets stay true).</summary>
    internal static TextReader MarkHyphens(TextReader reader) => new MappingCharFilter(Hyphens, reader);

    public override bool IncrementToken()
    {
        if (_pending.Count > 0)
        {
            RestoreState(_pending.Dequeue());
            return true;
        }
        if (!m_input.IncrementToken()) return false;
        var term = _term.ToString();
        if (term.Length < 2 || term[^1] != Marker) return true;

        var modifier = term.TrimEnd(Marker);
        _term.SetEmpty().Append(modifier);
        var first = CaptureState();
        // «og» / «eller», then the word whose head the first one shares.
        var ahead = new List<(State State, string Term)>();
        while (ahead.Count < 2 && m_input.IncrementToken())
            ahead.Add((CaptureState(), _term.ToString()));
        if (ahead.Count == 2 && Head(ahead[1].Term) is { } head)
        {
            RestoreState(first);
            _term.SetEmpty().Append(modifier + head);
            _posInc.PositionIncrement = 0;
            _pending.Enqueue(CaptureState());
        }
        foreach (var (state, _) in ahead) _pending.Enqueue(state);
        RestoreState(first);
        return true;
    }

    /// <summary>
    /// The head of the second word, as written: its longest ending the corpus knows as a word of its own
    /// («omsorgstjenesten» → «tjenesten»), else what follows its longest known beginning («brukerombudet» → «ombudet»,
    /// «bygningsloven» → «loven», a linking s dropped).
    /// </summary>
    private string? Head(string word)
    {
        if (!word.All(char.IsLetter)) return null;
        for (var k = MinModifier; k <= word.Length - MinHead; k++)
            if (Known(word[k..])) return word[k..];
        for (var k = word.Length - MinHead; k >= MinModifier; k--)
        {
            var modifier = word[..k];
            if (Known(modifier) || (modifier.Length > MinModifier && modifier[^1] is 's' or 'e' && Known(modifier[..^1]))) return word[k..];
        }
        return null;
    }

    /// <summary>In the corpus' vocabulary once analysed as the chain does it: lower case, stem, fold.</summary>
    private bool Known(string written)
    {
        var buffer = written.ToLowerInvariant().ToCharArray();
        var length = BoundedStemFilter.Stem(buffer, buffer.Length);
        return _vocabulary.Contains(NorwegianFoldingFilter.Fold(new string(buffer, 0, length)));
    }

    public override void Reset()
    {
        base.Reset();
        _pending.Clear();
    }

    private static NormalizeCharMap BuildHyphens()
    {
        var builder = new NormalizeCharMap.Builder();
        builder.Add("- og ", "_ og ");
        builder.Add("- eller ", "_ eller ");
        return builder.Build();
    }
}
