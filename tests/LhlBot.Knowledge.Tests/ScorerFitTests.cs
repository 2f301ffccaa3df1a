using LhlBot.Knowledge.Evaluation;
using LhlBot.Knowledge.Search;

namespace LhlBot.Knowledge.Tests;

/// <summary>The scorer in <see cref="SearchSettings"/> is what its training command (<c>bench fit</c>) fits on the committed seen sets.</summary>
public class ScorerFitTests(BuiltKnowledge built) : IClassFixture<BuiltKnowledge>
{
    [Fact]
    public void The_fitted_scorer_reproduces_from_its_training_command()
    {
        var sets = ScorerFit.ReadSets(Path.Combine(TestSupport.RepoRoot(), "tests", "LhlBot.Knowledge.Tests"));
        Assert.True(sets.Count >= 5);
        var fit = ScorerFit.Fit(built.Kb, sets);
        var s = SearchSettings.Default;
        Assert.Equal(s.Weights(), fit.Weights);
        Assert.Equal(s.QuestionConfidence, fit.QuestionConfidence);
        Assert.Equal(s.Threshold, fit.Threshold);
    }
}
