namespace LhlBot.Knowledge.Search;

/// <summary>
/// The tunable parts of ranking and confidence; every value was chosen by measuring (docs/search-evaluation.md).
/// The re-ranking weights (<see cref="Weights"/>), <see cref="QuestionConfidence"/> and <see cref="Threshold"/> are
/// FITTED on the committed seen sets by <c>dotnet run -c Release --project bench/LhlBot.Benchmarks -- fit</c>
/// (<see cref="Evaluation.ScorerFit"/>); a test checks that the fit reproduces the values here.
/// </summary>
internal sealed record SearchSettings
{
    internal static readonly SearchSettings Default = new();

    /// <summary>A word in the title or heading path says what the passage is about.</summary>
    public float HeadBoost { get; init; } = 1.5f;
    /// <summary>Two question words next to each other in the passage (slop 2).</summary>
    public float PhraseBoost { get; init; } = 0.5f;
    /// <summary>A compound's parts count less than the word itself.</summary>
    public float CompoundPartWeight { get; init; } = 0.5f;
    /// <summary>
    /// A related word from the thesaurus («institusjon» for «sykehjem») counts this much of the word itself: it is often
    /// what the text says for what the user means, but not the same word, so the passage with the user's own word wins.
    /// </summary>
    public double ConceptWeight { get; init; } = 0.5;

    /// <summary>How much a term counts by what it is to the question's word.</summary>
    internal double RoleWeight(Analysis.TokenRole role) => role switch
    {
        Analysis.TokenRole.CompoundPart => CompoundPartWeight,
        Analysis.TokenRole.Concept => ConceptWeight,
        _ => 1.0,
    };

    /// <summary>In a follow-up, the previous question's words count less than the new ones.</summary>
    public float PreviousQuestionWeight { get; init; } = 0.4f;
    /// <summary>Typo tolerance for words the index does not know (0 turns it off).</summary>
    public int FuzzyEdits { get; init; } = 1;
    public int FuzzyMinLength { get; init; } = 4;
    /// <summary>
    /// Confidence multiplier when a name or year in the question is absent from the best passage: only a passage covering
    /// nearly all the rest (0.89 or more) is still answered. 0.35 with the threshold at 0.31 (v48–v74); scaled with it since.
    /// </summary>
    public double MissingNameFactor { get; init; } = 0.316;
    /// <summary>
    /// Re-ranking: subtracted for each name or year of the question the passage lacks altogether. Small, because names
    /// are matched by stem and may stand in a neighbouring passage; it decides between candidates that cover alike.
    /// </summary>
    public double MissingNamePenalty { get; init; } = 0.1;
    /// <summary>
    /// Confidence at or above this answers; below it the user is told the documents do not answer. 0.35 until v48, then
    /// 0.31 to v74, when it had to sit just above <see cref="AnswerTypeFactor"/> (0.3) so that a passage covering the whole
    /// question but lacking the kind of answer asked for stayed declined. Since v75 the factors are scaled with it
    /// (see there), so the threshold only judges how much of the question the best passage covers: over the nine
    /// committed sets (432 questions) 0.28 declines 5 fewer answerable questions and answers 1 more unanswerable one
    /// than 0.31; 0.26 and 0.22 answered 2 and 5 of 25 made-up unanswerable questions more.
    /// </summary>
    public double Threshold { get; init; } = 0.34;
    /// <summary>Weight in the coverage of a question word the corpus does not contain at all.</summary>
    public double UnknownWordWeight { get; init; } = 0.25;
    public bool UseEntityCheck { get; init; } = true;
    /// <summary>Names and years must be in the best window (or heading), not merely in the passage.</summary>
    public bool NamesInWindow { get; init; } = true;
    /// <summary>How many of BM25's best passages are re-ranked by coverage.</summary>
    public int RerankDepth { get; init; } = 50;
    /// <summary>Re-ranking: BM25 relative to the best, share of the question covered by the passage, and within a window of sentences.</summary>
    public double Bm25Weight { get; init; } = 0.3;
    public double CoverageWeight { get; init; } = 0.05;
    public double WindowWeight { get; init; } = 0.3;
    /// <summary>Neighbouring question words found next to each other in the passage.</summary>
    public double PairWeight { get; init; } = -0.1;
    /// <summary>Sentences (or list items) in the window that must hold the question's words together: 1 or 2.</summary>
    public int WindowUnits { get; init; } = 2;
    /// <summary>The question's words standing close together in the text (shortest stretch holding them).</summary>
    public double ProximityWeight { get; init; } = 0.2;
    /// <summary>A typo's near spelling counts this much of a real match.</summary>
    public double FuzzyMatchWeight { get; init; } = 0.8;
    public bool UseGap { get; init; } = true;
    /// <summary>
    /// Confidence × <see cref="AnswerTypeFactor"/> when the best window lacks the kind of answer asked for («når» with no
    /// date, «hvor mange» with no count). Off until v15: it declined answerable questions; with the finer types of v13
    /// («hvor lenge», cue words) it declines unanswerable ones only. Kept just below <see cref="Threshold"/>, so that such
    /// a passage is declined however much of the question it covers (0.3 from v17 to v74, with the threshold at 0.31).
    /// </summary>
    public bool UseAnswerTypeCheck { get; init; } = true;
    /// <summary>Re-ranking bonus for a window holding the kind of answer «hvor mange / når» asks for.</summary>
    public double AnswerTypeBonus { get; init; } = 0.15;
    /// <summary>The best window is chosen by coverage and by holding the kind of answer asked for, not by coverage alone.</summary>
    public bool WindowPrefersAnswerType { get; init; } = true;
    public double AnswerTypeFactor { get; init; } = 0.27;
    /// <summary>
    /// When the best passage lacks the kind of answer asked for, the first of the next <see cref="FittingAnswerDepth"/>
    /// that has it goes first, if its score is at least this share of the best's (0: never).
    /// </summary>
    public double FittingAnswerReach { get; init; } = 0.85;
    public int FittingAnswerDepth { get; init; } = 5;
    /// <summary>Among windows that cover alike, the one saying it in fewer characters (a tie-breaker, so kept small).</summary>
    public double DensityWeight { get; init; } = 0.05;
    /// <summary>A window this short or shorter counts as fully dense; a longer one by this length over its own.</summary>
    public int DenseWindowChars { get; init; } = 100;

    /// <summary>A word of an alternative question counts like a heading word when BM25 gathers candidates: it says what the passage answers.</summary>
    public float QuestionsBoost { get; init; } = 1.5f;
    /// <summary>Re-ranking: a passage one of whose alternative questions says what the user's says (feature <c>question</c>).</summary>
    public double QuestionWeight { get; init; } = 0.4;
    /// <summary>
    /// Confidence from an alternative question: the match (both ways, IDF-weighted) times this, when higher than the
    /// text's own coverage. Below 1 because an alternative question is one writer's guess at what the passage answers.
    /// </summary>
    public double QuestionConfidence { get; init; } = 0.7;

    /// <summary>The re-ranking weights in the order of <see cref="RankingFeatures.Names"/>, for fitting them (bench `learn`).</summary>
    internal SearchSettings WithWeights(double[] w) => this with
    {
        Bm25Weight = w[0], CoverageWeight = w[1], WindowWeight = w[2], PairWeight = w[3], ProximityWeight = w[4],
        AnswerTypeBonus = w[5], DensityWeight = w[6], QuestionWeight = w[7],
    };

    internal double[] Weights() =>
        [Bm25Weight, CoverageWeight, WindowWeight, PairWeight, ProximityWeight, AnswerTypeBonus, DensityWeight, QuestionWeight];
}
