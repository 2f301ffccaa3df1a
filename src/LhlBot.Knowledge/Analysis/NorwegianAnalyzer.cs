using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace LhlBot.Knowledge.Analysis;

/// <summary>
/// The one place where the Norwegian analysis chain is composed; documents and questions go through the same chain,
/// so a bokmål form in a document meets a nynorsk or ASCII-typed form in a question.
/// </summary>
internal sealed class NorwegianAnalyzer : Analyzer
{
    /// <summary>Part of the index's content hash: bump when the chain changes so stored indexes are rebuilt.</summary>
    internal const string Version = "lhl-analysis-27";

    internal static readonly LuceneVersion Lucene = LuceneVersion.LUCENE_48;

    private readonly SynonymMap? _synonyms;
    private readonly SynonymMap? _concepts;
    private readonly CharArraySet? _vocabulary;

    /// <param name="synonyms">Abbreviations and old/new names, mapped to one shared term (null: none).</param>
    /// <param name="vocabulary">The corpus' own words, for splitting compounds (null: no splitting).</param>
    /// <param name="concepts">The thesaurus: related words yield their concept's shared term (null: none).</param>
    internal NorwegianAnalyzer(SynonymMap? synonyms = null, CharArraySet? vocabulary = null, SynonymMap? concepts = null)
    {
        _synonyms = synonyms;
        _concepts = concepts;
        _vocabulary = vocabulary;
    }

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Lucene, reader);
        TokenStream chain = source;
        if (_vocabulary is not null)
            chain = new SuspendedCompoundFilter(chain, _vocabulary);                // «Pasient- og brukerombudet» → + pasientombudet
        chain = new LowerCaseFilter(Lucene, chain);
        chain = new StopFilter(Lucene, chain, NorwegianStopWords.Set);               // kva, korleis, eit, ikkje, frå, hva, hvordan …
        chain = new WordFamilyFilter(chain);                                         // organisert, organisering → + organiser; vedtatt → + vedt
        chain = new BoundedStemFilter(chain);                                        // NorwegianLightStem: kommunane = kommunene; not «oversendes» → «overs»
        chain = new NorwegianFoldingFilter(chain);                                   // æ→ae, ø→o, å/aa→a: «paa», «ovrig», «vaere» meet the real letters
        chain = new ASCIIFoldingFilter(chain);                                       // é, ü and friends
        if (_synonyms is not null)
            chain = new SynonymFilter(chain, _synonyms, ignoreCase: true);           // usht = utviklingssenter for sykehjem og hjemmetjenester
        if (_concepts is not null)
            chain = new SynonymFilter(chain, _concepts, ignoreCase: true);           // sykehjem, institusjon, omsorgsbolig → + ≈sykehjem
        if (_vocabulary is not null)
            chain = new VocabularyCompoundFilter(chain, _vocabulary);               // gjennomføringsplan → + plan
        return new TokenStreamComponents(source, chain);
    }

    protected override TextReader InitReader(string fieldName, TextReader reader) =>
        _vocabulary is null ? reader : SuspendedCompoundFilter.MarkHyphens(reader);

    /// <summary>Analyses text into its terms with their roles (original word, synonym, compound part).</summary>
    internal List<AnalyzedToken> Tokens(string text, string field = "body")
    {
        var result = new List<AnalyzedToken>();
        using var stream = GetTokenStream(field, text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        var posInc = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IPositionIncrementAttribute>();
        var type = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ITypeAttribute>();
        var offset = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IOffsetAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += posInc.PositionIncrement;
            var value = term.ToString();
            var role = value.StartsWith(SynonymsFile.ConceptPrefix, StringComparison.Ordinal) ? TokenRole.Concept
                : type.Type is SynonymFilter.TYPE_SYNONYM or WordFamilyFilter.TypeSpelling ? TokenRole.Synonym
                : type.Type == VocabularyCompoundFilter.TypePart ? TokenRole.CompoundPart
                : TokenRole.Original;
            result.Add(new AnalyzedToken(value, Math.Max(position, 0), role, offset.StartOffset, offset.EndOffset));
        }
        stream.End();
        return result;
    }
}

/// <summary>What a term is to the word it stands at: the word, the same word in other words (synonyms file), a part of
/// it (compounds), or a related word (the thesaurus' concept).</summary>
internal enum TokenRole { Original, Synonym, CompoundPart, Concept }

internal static class TokenRoles
{
    /// <summary>The word itself or the same word: what makes a word known, a name, or says how rare it is.</summary>
    internal static bool IsWhole(this TokenRole role) => role is TokenRole.Original or TokenRole.Synonym;
}

internal sealed record AnalyzedToken(string Term, int Position, TokenRole Role, int Start, int End);
