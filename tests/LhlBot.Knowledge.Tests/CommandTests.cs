using System.Text.Json;
using LhlBot.Knowledge.Evaluation;

namespace LhlBot.Knowledge.Tests;

public class CommandTests(BuiltKnowledge built) : IClassFixture<BuiltKnowledge>
{
    private async Task<string> Run(string input, params string[] args)
    {
        var output = new StringWriter();
        var code = await KnowledgeCommands.RunAsync(built.Kb, args, new StringReader(input), output);
        Assert.Equal(0, code);
        return output.ToString();
    }

    [Fact]
    public async Task Ask_json_gives_the_agreed_shape()
    {
        var json = JsonDocument.Parse(await Run("", "ask", "--json", "Hva legges i ordet sølvøkonomi?")).RootElement;
        Assert.True(json.GetProperty("answered").ValueKind is JsonValueKind.True or JsonValueKind.False);
        Assert.InRange(json.GetProperty("confidence").GetDouble(), 0, 1);
        var first = json.GetProperty("results")[0];
        Assert.Equal("veiledningshefte-lokal-planlegging", first.GetProperty("document").GetString());
        foreach (var field in new[] { "title", "section", "text" }) Assert.False(string.IsNullOrEmpty(first.GetProperty(field).GetString()));
        Assert.True(first.GetProperty("score").GetDouble() > 0);
    }

    [Fact]
    public async Task Ask_jsonl_answers_each_line_in_order()
    {
        var output = await Run("Hva legges i ordet sølvøkonomi?\n{\"question\": \"Hvem godkjente planen i Nordland?\"}\n", "ask", "--jsonl");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal("veiledningshefte-lokal-planlegging", JsonDocument.Parse(lines[0]).RootElement.GetProperty("results")[0].GetProperty("document").GetString());
        Assert.Contains("nordland", lines[1]);
    }

    [Fact]
    public async Task Ask_plain_says_clearly_when_it_does_not_know()
    {
        var text = await Run("", "ask", "Hvilket fotballag vant cupfinalen i fjor?");
        Assert.Contains("Fant ikke", text);
    }

    [Fact]
    public void Metrics_are_computed_from_ranks_and_declines()
    {
        EvalQuestion Q(string kind, params string[] expect) => new("x", "q", "d", expect, kind);
        var outcomes = new List<QuestionOutcome>
        {
            new(Q("fact", "a"), 1, true, 0.9, null, null),
            new(Q("fact", "a"), 2, true, 0.9, null, null),
            new(Q("fact", "a"), 0, false, 0.1, null, null),
            new(Q("fact", "a"), 4, true, 0.9, null, null),
            new(Q("unanswerable"), 0, false, 0.1, null, null),
            new(Q("unanswerable"), 0, true, 0.9, null, null),
        };
        var m = EvalMetrics.Compute(outcomes);
        Assert.Equal(0.25, m.HitAt1, 3);
        Assert.Equal(0.5, m.HitAt3, 3);
        Assert.Equal((1 + 0.5 + 0.25) / 4, m.MrrAt10, 3);
        Assert.Equal(0.5, m.UnanswerableDeclined, 3);
        Assert.Equal(0.25, m.AnswerableDeclined, 3);
    }

    [Fact]
    public async Task Eval_reads_a_tiny_file_and_prints_the_figures()
    {
        var file = Path.GetTempFileName();
        File.WriteAllLines(file,
        [
            """{"id":"t1","question":"Sølvøkonomi","doc":"veiledningshefte-lokal-planlegging","expect":["personer  over 50 ÅR"],"kind":"fact"}""",
            """{"id":"t2","question":"Hvilket fotballag vant cupfinalen i fjor?","doc":"","expect":[],"kind":"unanswerable"}""",
        ]);
        var text = await Run("", "eval", file);
        File.Delete(file);
        Assert.Contains("hit@1        1.000", text);
        Assert.Contains("Ubesvarbare avvist:  100", text);
    }

    [Fact]
    public void Rank_matching_ignores_case_and_whitespace()
    {
        Assert.Equal(2, Evaluator.RankOf(["ingenting", "Det er 20\n utviklingssentre"], ["det er 20 UTVIKLINGSSENTRE"]));
        Assert.Equal(0, Evaluator.RankOf(["ingenting"], ["noe"]));
    }
}
