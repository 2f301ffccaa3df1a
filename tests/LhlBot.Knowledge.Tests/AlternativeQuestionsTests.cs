using LhlBot.Knowledge.Documents;

namespace LhlBot.Knowledge.Tests;

/// <summary>Questions files beside the documents: parsed, attached to passages by their anchors, indexed, searchable.</summary>
public class AlternativeQuestionsTests
{
    private const string Document = "veiledningshefte-lokal-planlegging";

    [Fact]
    public void A_questions_file_is_read_into_anchored_entries_and_its_format_errors_are_reported()
    {
        var (entries, problems) = AlternativeQuestions.Parse("""
            # Alternative spørsmål: Et hefte
            <!-- skrevet fra avsnittene
                 over flere linjer -->

            ## anker: Frivillig sektor vil være en aktør
            - Hvordan får vi med lag og foreninger?
            - Korleis kan frivillige bidra?

            ## anker: tomt anker uten spørsmål
            - spørsmål før noe anker? nei, dette står under ankeret over

            ## ikke et anker
            løs tekst
            """);
        Assert.Equal(2, entries.Count);
        Assert.Equal("Frivillig sektor vil være en aktør", entries[0].Anchor);
        Assert.Equal(["Hvordan får vi med lag og foreninger?", "Korleis kan frivillige bidra?"], entries[0].Questions);
        Assert.Contains(problems, p => p.Contains("«## anker:»"));
        Assert.Contains(problems, p => p.Contains("løs tekst") || p.Contains("forventet"));
    }

    [Fact]
    public void An_anchor_matches_its_passage_ignoring_case_whitespace_and_markup_but_only_whole_words()
    {
        var passages = new List<(string Id, string Text)>
        {
            ("a#1", "Det bør «bygges broer» på flere\nområder for å mobilisere felles ressursinnsats:"),
            ("a#2", "Kommunen har en plan. Planen er vedtatt."),
        };
        var (byPassage, problems) = AlternativeQuestions.Resolve(passages,
        [
            new("DET BØR bygges   broer på flere områder", ["q1"], 1),
            new("plan", ["q2"], 5),                 // whole word in a#2 only once: «plan», not «Planen»
            new("kommunen har en plan", ["q3"], 8),
            new("områder for å mobilisere alle", ["q4"], 11),   // not verbatim
        ]);
        Assert.Equal(["q1"], byPassage["a#1"]);
        Assert.Equal(["q2", "q3"], byPassage["a#2"]);
        Assert.Single(problems);
        Assert.Contains("linje 11", problems[0]);
    }

    [Fact]
    public void Questions_attach_to_the_passage_holding_the_anchor_and_find_it_in_words_the_document_does_not_use()
    {
        using var temp = WithoutCommittedQuestions();
        File.WriteAllText(Path.Combine(temp.Source, Document + AlternativeQuestions.Suffix), """
            # Alternative spørsmål: Veiledningshefte

            ## anker: Frivillig sektor vil være en aktør som må anerkjennes
            - Hvordan får vi husflidslaget og bygdekvinnelaget med på laget?

            ## anker: dette sitatet står ikke i heftet
            - Et spørsmål som må hoppes over?

            ## anker: Leve hele livet
            - Et spørsmål på et tvetydig anker?
            """);
        using var kb = temp.Open();
        var report = kb.Build();

        Assert.Equal(5, report.Documents);   // the questions file is no document
        Assert.Equal(1, report.AlternativeQuestions);
        Assert.Equal(2, report.AnchorProblems.Count);
        Assert.Contains(report.AnchorProblems, p => p.Reason.Contains("finnes ikke"));
        Assert.Contains(report.AnchorProblems, p => p.Reason.Contains("avsnitt; gjør sitatet lengre"));

        // «bygdekvinnelaget» and «husflidslaget» stand in no document: only the alternative question holds them.
        var result = kb.Search("bygdekvinnelaget og husflidslaget");
        Assert.NotEmpty(result.Hits);
        Assert.Contains("Frivillig sektor vil være en aktør", result.Hits[0].Text);
    }

    [Fact]
    public void A_questions_file_for_a_missing_document_or_with_a_broken_anchor_is_reported_never_fatal()
    {
        using var temp = new TempKnowledge();
        File.WriteAllText(Path.Combine(temp.Source, "finnes-ikke" + AlternativeQuestions.Suffix), "## anker: noe\n- spørsmål?\n");
        File.WriteAllText(Path.Combine(temp.Source, Document + AlternativeQuestions.Suffix), "## anker: ikke her i det hele tatt\n- spørsmål?\n");
        using var kb = temp.Open();
        var report = kb.Build();
        Assert.Equal(5, report.Documents);
        Assert.Contains(report.AnchorProblems, p => p.File == "finnes-ikke.questions.md" && p.Reason.Contains("dokument"));
        Assert.Contains(report.AnchorProblems, p => p.File == Document + ".questions.md" && p.Reason.Contains("linje 1"));
        Assert.NotEmpty(kb.Search("sølvøkonomi").Hits);
    }

    [Fact]
    public void A_changed_questions_file_rebuilds_the_stored_index()
    {
        using var temp = WithoutCommittedQuestions();
        var file = Path.Combine(temp.Source, Document + AlternativeQuestions.Suffix);
        File.WriteAllText(file, "## anker: Frivillig sektor vil være en aktør som må anerkjennes\n- Hva gjør pensjonistforeningen?\n");
        string hash;
        using (var kb = temp.Open()) hash = kb.Build().ContentHash;
        File.AppendAllText(file, "- Hva gjør bygdekvinnelaget?\n");
        using (var kb = temp.Open())
        {
            var report = kb.Build();
            Assert.False(report.Reused);
            Assert.NotEqual(hash, report.ContentHash);
            Assert.Equal(2, report.AlternativeQuestions);
        }
    }

    /// <summary>The real documents without their committed questions files, so a test's own file is all there is.</summary>
    private static TempKnowledge WithoutCommittedQuestions()
    {
        var temp = new TempKnowledge();
        foreach (var f in DocumentLoader.QuestionFiles(temp.Source)) File.Delete(f);
        return temp;
    }

    [Fact]
    public void Every_committed_questions_file_belongs_to_a_document_and_every_anchor_resolves()
    {
        var source = Search.IndexBuilder.ReadSource(TestSupport.KnowledgeFolder);
        Assert.Empty(source.AnchorProblems.Select(p => $"{p.File}: {p.Reason}"));
        var files = DocumentLoader.QuestionFiles(TestSupport.KnowledgeFolder).ToList();
        var entries = files.Sum(f => AlternativeQuestions.Parse(File.ReadAllText(f)).Entries.Sum(e => e.Questions.Count));
        Assert.Equal(entries, source.AlternativeQuestionCount);
    }

    [Fact]
    public void Appending_an_entry_writes_a_file_the_parser_reads_back()
    {
        var text = AlternativeQuestions.Append(null, "Et hefte", "Frivillig sektor vil være en aktør", ["Hva gjør lag og foreninger?"]);
        text = AlternativeQuestions.Append(text, "Et hefte", "Kommunen har en plan", ["Har kommunen en plan?", "Finst det ein plan?"]);
        var (entries, problems) = AlternativeQuestions.Parse(text);
        Assert.Empty(problems);
        Assert.Equal(2, entries.Count);
        Assert.Equal(["Har kommunen en plan?", "Finst det ein plan?"], entries[1].Questions);
    }
}
