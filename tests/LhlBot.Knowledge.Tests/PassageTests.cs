using LhlBot.Knowledge.Documents;

namespace LhlBot.Knowledge.Tests;

public class PassageTests
{
    private static readonly List<Passage> All = TestSupport.AllPassages();

    [Fact]
    public void Every_document_gives_passages_within_the_length_bound()
    {
        Assert.Equal(5, All.Select(p => p.Document).Distinct().Count());
        Assert.All(All, p => Assert.InRange(p.Text.Length, 1, PassageSplitter.MaxChars));
        Assert.True(All.Count > 100);
    }

    [Fact]
    public void Passages_carry_title_section_and_date()
    {
        Assert.All(All, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.Title));
            Assert.False(string.IsNullOrWhiteSpace(p.Section));
            Assert.NotNull(p.Date);
        });
    }

    [Fact]
    public void A_sentence_that_introduces_what_follows_opens_the_passage_holding_it()
    {
        // The 2019 letter: «Fylkesmannen i Trøndelag beskriver gjennomføringen av et dialogmøte på følgende måte:» ended
        // one passage and the account began the next, which then never said whose meeting it described.
        var meeting = All.Single(p => p.Text.Contains("Selve dialogmøtet ble gjennomført likt"));
        Assert.StartsWith("Fylkesmannen i Trøndelag beskriver gjennomføringen av et dialogmøte på følgende måte:", meeting.Text);
        var contacts = All.Single(p => p.Text.Contains("Lill Margrethe Hildonen"));
        Assert.StartsWith("Ressurspersonene er:", contacts.Text);
        Assert.DoesNotContain(All, p => p.Text.TrimEnd().EndsWith("Fylkesmannen i Trøndelag beskriver gjennomføringen av et dialogmøte på følgende måte:"));
    }

    [Fact]
    public void A_long_paragraph_is_cut_between_sentences()
    {
        // Passages cut from one long paragraph end where a sentence ends.
        var cut = All.Where(p => p.Text.Length > 900 && !p.Text.Contains("\n")).ToList();
        Assert.NotEmpty(cut);
        Assert.All(cut, p => Assert.Matches(@"[.!?:»”)""]$", p.Text.TrimEnd()));
    }

    [Fact]
    public void The_office_name_is_carried_into_every_passage_cut_from_its_row()
    {
        var note = All.Where(p => p.Document == "hdir-notat-statusrapportering-2021-11").ToList();
        var vestland = note.Where(p => p.Section.EndsWith("Vestland", StringComparison.Ordinal)).ToList();
        Assert.True(vestland.Count >= 2, "The Vestland row is long enough to be split.");
        Assert.All(vestland, p => Assert.StartsWith("Vestland – ", p.Text));
        // The row continued after a page break (empty first cell) still belongs to Vestland.
        Assert.Contains(vestland, p => p.Text.Contains("politikerane tar for lite ansvar"));
        var innlandet = note.Where(p => p.Text.Contains("dataangrep")).ToList();
        Assert.All(innlandet, p => Assert.Contains("Innlandet", p.Section));
    }

    [Fact]
    public void Numbered_plain_lines_are_recognised_as_headings()
    {
        var oslo = All.Where(p => p.Document == "oslo-viken-gjennomforingsplan-2021-2023").ToList();
        Assert.Contains(oslo, p => p.Section.Contains("3.1 Samarbeid med andre aktører"));
        Assert.DoesNotContain(oslo, p => p.Text.Contains("3.1 SAMARBEID MED ANDRE AKTØRER"));
    }

    [Fact]
    public void A_step_headed_one_level_too_deep_is_a_sibling_of_the_step_before_it()
    {
        // The guide writes «# Trinn 1», «## Trinn 2», «# Trinn 3»: Trinn 2 is the second step, not a part of the first.
        var guide = All.Where(p => p.Document == "veiledningshefte-lokal-planlegging").ToList();
        Assert.Contains(guide, p => p.Section == "Trinn 2 - Forankring");
        Assert.Contains(guide, p => p.Section == "Trinn 9 – Vurdering");
        Assert.DoesNotContain(guide, p => p.Section.Contains("Formål › Trinn") || p.Section.Contains("Kunnskapsgrunnlaget › Trinn"));
        // Real sub-sections keep their parent.
        Assert.Contains(guide, p => p.Section == "Trinn 2 - Forankring › Hjelpespørsmål:");
    }

    [Fact]
    public void Conversion_artefacts_are_removed()
    {
        Assert.All(All, p =>
        {
            Assert.DoesNotContain("<b>", p.Text);
            Assert.DoesNotContain("<p>", p.Text);
            Assert.DoesNotContain("|", p.Text);
            Assert.DoesNotContain("---", p.Text);
            Assert.DoesNotContain("**", p.Text);
            Assert.DoesNotContain(".....", p.Text);
        });
        // A sentence broken over a blank line by the PDF conversion is one sentence again.
        Assert.Contains(All, p => p.Text.Contains("har vi hatt en gjennomgang av de ulike partenes oppgaver"));
    }

    [Fact]
    public void Labels_cut_at_a_figures_edge_are_left_out_but_narrow_table_cells_kept()
    {
        // The phase figure in the booklet leaves columns like "mmmerer i / planverk- / ngsdel og / omiplan".
        var phase3 = All.Single(p => p.Section.EndsWith("Fase 3 Implementering og gjennomføring (2021–2023)", StringComparison.Ordinal));
        Assert.Contains("Kommuner som omstiller seg i tråd med reformen", phase3.Text);
        Assert.DoesNotContain(All, p => p.Text.Contains("og omiplan") || p.Text.Contains("planverkngsdel") || p.Text.Contains("mmmerer"));
        // Oslo og Viken's communication plan is a table of short lines too; its words stay.
        Assert.Contains(All, p => p.Document == "oslo-viken-gjennomforingsplan-2021-2023" && p.Text.Contains("innspill fra kommunen"));
    }

    [Fact]
    public void Hyphenation_across_lines_is_mended_but_real_hyphens_kept()
    {
        Assert.Equal("planlegging", TextCleaner.JoinBroken("plan-", "legging"));
        Assert.Equal("helse- og omsorg", TextCleaner.JoinBroken("helse-", "og omsorg"));
    }

    [Fact]
    public void A_file_without_front_matter_takes_its_title_from_the_first_heading()
    {
        var (doc, _) = DocumentLoader.Parse("notat", System.Text.Encoding.UTF8.GetBytes("# Mitt notat\n\nTekst om reformen.\n"));
        Assert.Equal("Mitt notat", doc!.Title);
        var (plain, _) = DocumentLoader.Parse("filnavn", System.Text.Encoding.UTF8.GetBytes("Bare tekst.\n"));
        Assert.Equal("filnavn", plain!.Title);
    }

    [Theory]
    [InlineData("questions-dev.jsonl")]
    [InlineData("questions-heldout.jsonl")]
    [InlineData("questions-extra.jsonl")]
    [InlineData("questions-fresh.jsonl")]
    [InlineData("questions-fresh2.jsonl")]
    [InlineData("questions-fresh3.jsonl")]
    [InlineData("questions-fresh5.jsonl")]
    [InlineData("questions-fresh7.jsonl")]
    [InlineData("questions-fresh8.jsonl")]
    public void Every_answerable_question_has_its_answer_inside_one_passage(string file)
    {
        // A passage that cuts the answer in half can never be a hit, whatever the ranking does.
        var texts = All.Select(p => LhlBot.Knowledge.Evaluation.Evaluator.Normalise(p.Text)).ToList();
        var path = Path.Combine(TestSupport.RepoRoot(), "tests", "LhlBot.Knowledge.Tests", file);
        var questions = LhlBot.Knowledge.Evaluation.EvalQuestion.ReadFile(path).Where(q => !q.IsUnanswerable).ToList();
        Assert.NotEmpty(questions);
        Assert.All(questions, q => Assert.Contains(q.Expect!, e =>
            texts.Any(t => t.Contains(LhlBot.Knowledge.Evaluation.Evaluator.Normalise(e), StringComparison.Ordinal))));
    }
}
