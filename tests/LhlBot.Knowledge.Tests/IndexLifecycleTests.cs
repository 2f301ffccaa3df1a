namespace LhlBot.Knowledge.Tests;

public class IndexLifecycleTests
{
    [Fact]
    public void An_unchanged_corpus_reuses_the_stored_index_and_a_changed_one_is_rebuilt()
    {
        using var temp = new TempKnowledge();
        IndexReport first;
        using (var kb = temp.Open()) first = kb.Build();
        Assert.False(first.Reused);
        Assert.Equal(5, first.Documents);

        using (var kb = temp.Open())
        {
            var second = kb.Build();
            Assert.True(second.Reused);
            Assert.Equal(first.ContentHash, second.ContentHash);
            Assert.Equal(first.Passages, second.Passages);
            Assert.Contains(kb.Search("Hva legges i ordet sølvøkonomi?").Hits, h => h.Text.Contains("Sølvøkonomi", StringComparison.OrdinalIgnoreCase));
        }

        File.WriteAllText(Path.Combine(temp.Source, "nytt-notat.md"),
            "---\ntitle: \"Nytt notat\"\ndate: 2024-01-10\n---\n\n# Sjakkturnering\n\nKommunen arrangerer sjakkturnering for eldre hver tirsdag.\n");
        using (var kb = temp.Open())
        {
            var third = kb.Build();
            Assert.False(third.Reused);
            Assert.NotEqual(first.ContentHash, third.ContentHash);
            Assert.Equal(6, third.Documents);
            Assert.Equal("nytt-notat", kb.Search("sjakkturnering").Hits[0].Document);
        }
    }

    [Fact]
    public void A_broken_document_is_reported_and_skipped()
    {
        using var temp = new TempKnowledge();
        File.WriteAllBytes(Path.Combine(temp.Source, "ødelagt.md"), [0xFF, 0xFE, 0x00, 0xC3, 0x28, 0x00]);
        File.WriteAllText(Path.Combine(temp.Source, "uferdig.md"), "---\ntitle: Uten slutt\n\nTekst");
        using var kb = temp.Open();
        var report = kb.Build();
        Assert.Equal(5, report.Documents);
        Assert.Contains(report.Problems, p => p.File == "ødelagt.md");
        Assert.Contains(report.Problems, p => p.File == "uferdig.md");
        Assert.Same(report, kb.LastBuild);
        Assert.NotEmpty(kb.Search("sølvøkonomi").Hits);
    }

    [Fact]
    public async Task Searches_keep_working_while_the_index_is_rebuilt()
    {
        using var temp = new TempKnowledge();
        using var kb = temp.Open();
        kb.Build();
        var errors = new System.Collections.Concurrent.ConcurrentBag<Exception>();
        var answered = 0;
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var r = kb.Search("Hvor mange utviklingssentre for sykehjem og hjemmetjenester er det?");
                    if (r.Hits.Count > 0 && r.Hits.Take(3).Any(h => h.Text.Contains("20 utviklingssentre"))) Interlocked.Increment(ref answered);
                    else errors.Add(new InvalidOperationException("Lost the answer during a rebuild."));
                }
                catch (Exception ex) { errors.Add(ex); }
            }
        })).ToArray();
        // On a busy machine the readers may start late: wait for them, then rebuild until enough searches ran during rebuilds.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (Volatile.Read(ref answered) == 0 && errors.IsEmpty && watch.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(10);
        var before = Volatile.Read(ref answered);
        var builds = 0;
        while (builds < 3 || (Volatile.Read(ref answered) - before < 20 && watch.Elapsed < TimeSpan.FromSeconds(60)))
        {
            kb.Build(force: true);
            builds++;
        }
        var during = Volatile.Read(ref answered) - before;
        stop.Cancel();
        await Task.WhenAll(readers);
        Assert.Empty(errors);
        Assert.True(during >= 20, $"Only {during} searches ran during {builds} rebuilds.");
    }

    [Fact]
    public void An_empty_source_folder_builds_and_answers_nothing()
    {
        using var temp = new TempKnowledge(copyDocuments: false);
        using var kb = temp.Open();
        var report = kb.Build();
        Assert.Equal(0, report.Passages);
        var result = kb.Search("Hva er Leve hele livet?");
        Assert.False(result.Answered);
        Assert.Empty(result.Hits);
    }
}
