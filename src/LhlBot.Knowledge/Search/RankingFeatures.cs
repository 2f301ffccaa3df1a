namespace LhlBot.Knowledge.Search;

/// <summary>
/// What re-ranking knows of one candidate passage for one question; the score is a weighted sum of these
/// (weights in <see cref="SearchSettings"/>), so the evaluation can show and fit each signal on its own.
/// All values are in [0, 1].
/// </summary>
/// <param name="Bm25">BM25 relative to the best candidate.</param>
/// <param name="Coverage">Share of the question's IDF mass the passage (text and headings) holds.</param>
/// <param name="Window">The same within the best window of one or two sentences (with the headings).</param>
/// <param name="Pairs">Neighbouring question words next to each other in the text.</param>
/// <param name="Proximity">The question's words in a short stretch of text.</param>
/// <param name="AnswerType">1 when the best window holds the kind of answer the question asks for («hvor mange», «når», «hva betyr»).</param>
/// <param name="Density">The window's coverage scaled by its shortness: the same words said in fewer characters.</param>
/// <param name="Question">How well the best of the passage's alternative questions and the user's say the same (the
/// harmonic mean of the share of each one's IDF mass the other holds); 0 for a passage without alternative questions.</param>
internal readonly record struct RankingFeatures(double Bm25, double Coverage, double Window, double Pairs, double Proximity, double AnswerType, double Density, double Question = 0)
{
    internal double Score(SearchSettings s) =>
        s.Bm25Weight * Bm25 + s.CoverageWeight * Coverage + s.WindowWeight * Window + s.PairWeight * Pairs
        + s.ProximityWeight * Proximity + s.AnswerTypeBonus * AnswerType + s.DensityWeight * Density + s.QuestionWeight * Question;

    internal static readonly string[] Names = ["bm25", "coverage", "window", "pairs", "proximity", "answertype", "density", "question"];

    internal double[] ToArray() => [Bm25, Coverage, Window, Pairs, Proximity, AnswerType, Density, Question];
}
