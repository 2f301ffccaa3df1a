using System.Text.Json;
using System.Text.RegularExpressions;
using LhlBot.Knowledge.Analysis;
using LhlBot.Knowledge.Documents;

namespace LhlBot.Knowledge.Tests;

/// <summary>
/// No evaluation question (any committed <c>*.jsonl</c> set), nor a near copy of one, may stand among the alternative
/// questions in knowledge/ or as a string in the code and its tests: a search tuned on the questions it is measured with
/// measures nothing. Near: the same words, normalised (lower case, æøå folded), with a Jaccard overlap of 0.8 or more.
/// </summary>
public partial class EvaluationLeakTests
{
    private const double NearCopy = 0.8;

    private static readonly Lazy<List<(string Question, HashSet<string> Words)>> EvalQuestions = new(() =>
        Files(TestSupport.RepoRoot(), "*.jsonl")
            .SelectMany(File.ReadLines)
            .Where(l => l.TrimStart().StartsWith('{'))
            .Select(l => JsonDocument.Parse(l).RootElement.TryGetProperty("question", out var q) ? q.GetString() : null)
            .OfType<string>()
            .Select(q => (q, Words(q)))
            .ToList());

    [Fact]
    public void The_evaluation_sets_are_found()
    {
        Assert.True(EvalQuestions.Value.Count >= 100, $"only {EvalQuestions.Value.Count} evaluation questions found");
    }

    [Fact]
    public void No_alternative_question_is_an_evaluation_question_or_a_near_copy_of_one()
    {
        var leaks = DocumentLoader.QuestionFiles(TestSupport.KnowledgeFolder)
            .SelectMany(f => AlternativeQuestions.Parse(File.ReadAllText(f)).Entries.SelectMany(e => e.Questions)
                .Select(q => (File: Path.GetFileName(f), Text: q)))
            .SelectMany(q => Leaks(q.Text).Select(e => $"{q.File}: «{q.Text}» ~ «{e}»"))
            .ToList();
        Assert.Empty(leaks);
    }

    [Fact]
    public void No_string_in_the_code_or_its_tests_is_an_evaluation_question_or_a_near_copy_of_one()
    {
        var root = TestSupport.RepoRoot();
        var self = nameof(EvaluationLeakTests) + ".cs";
        var leaks = new[] { "src", "tests", "bench" }
            .SelectMany(d => Files(Path.Combine(root, d), "*.cs"))
            .Where(f => Path.GetFileName(f) != self)
            .SelectMany(f => Literal().Matches(File.ReadAllText(f))
                .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
                .SelectMany(text => Leaks(text).Select(e => $"{Path.GetRelativePath(root, f)}: «{text}» ~ «{e}»")))
            .Distinct()
            .ToList();
        Assert.Empty(leaks);
    }

    [Fact]
    public void The_check_catches_a_copy_with_other_case_and_punctuation_and_lets_a_different_question_pass()
    {
        var (question, _) = EvalQuestions.Value.First(q => q.Words.Count >= 4);
        Assert.NotEmpty(Leaks(question.ToUpperInvariant().TrimEnd('?') + " !"));
        Assert.Empty(Leaks("Hvilken farge har postkassene på Svalbard om vinteren?"));
    }

    private static IEnumerable<string> Leaks(string text)
    {
        var words = Words(text);
        if (words.Count < 3) yield break;
        foreach (var (question, qw) in EvalQuestions.Value)
        {
            var inter = words.Count(qw.Contains);
            if (inter / (double)(words.Count + qw.Count - inter) >= NearCopy) yield return question;
        }
    }

    private static HashSet<string> Words(string text) =>
        WordPattern().Matches(NorwegianFoldingFilter.FoldLower(text)).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> Files(string folder, string pattern) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, pattern, SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
                    && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                    && !f.Contains($"{Path.DirectorySeparatorChar}.git{Path.DirectorySeparatorChar}"))
            : [];

    [GeneratedRegex(@"[\p{L}\p{N}]+")] private static partial Regex WordPattern();

    // A C# string (regular or verbatim, without its escapes) or a «quoted» phrase in a comment.
    [GeneratedRegex(@"""((?:[^""\\\n]|\\.){12,})""|«([^»\n]{12,})»")] private static partial Regex Literal();
}
