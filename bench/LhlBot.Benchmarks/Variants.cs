using System.Globalization;
using System.Text;
using LhlBot.Knowledge.Evaluation;

namespace LhlBot.Benchmarks;

/// <summary>
/// How the search holds up when a question is typed the way people type: every question of the given files once
/// with æ/ø/å typed as ae/o/aa, and twice with one random typo (two neighbours swapped, a letter dropped, doubled or
/// replaced) in a content word of six letters or more. Each variant is compared with its original: a worse rank, an
/// answerable question now declined or an unanswerable one now answered counts as worse. The typos are drawn from a
/// fixed seed, so runs compare. Where Apertium is installed (`apt-get install apertium apertium-nno-nob`), every
/// question not already in nynorsk is also asked as Apertium writes it in nynorsk. And every question is asked once as a
/// chat message, with a greeting, thanks or a sign-off around it, with its question word as spoken («ka e», «åssen»),
/// and announced («Lurer på hvor mange …»).
/// </summary>
internal static class Variants
{
    internal static int Run(string root, string[] files)
    {
        using var kb = SearchBenchmark.Rebuilt(root, "lhlbot-bench-variants");
        var random = new Random(7);
        var inv = CultureInfo.InvariantCulture;
        var tally = new Dictionary<string, (int Count, int Worse, int Better, int Hit1Original, int Hit1Variant)>();
        var questions = files.SelectMany(EvalQuestion.ReadFile).ToList();
        var nynorsk = Nynorsk(questions.Select(q => q.Kind == "nynorsk" ? "" : q.Question).ToList());
        if (nynorsk is null) Console.WriteLine("nynorsk: skipped, Apertium is not installed (apt-get install apertium apertium-nno-nob)");
        foreach (var (q, index) in questions.Select((q, i) => (q, i)))
        {
            var original = Outcome(q.Question);
            var variants = new List<(string Kind, string Text)>();
            if (q.Question.Any(c => "æøåÆØÅ".Contains(c))) variants.Add(("ascii", Ascii(q.Question)));
            for (var i = 0; i < 2; i++)
                if (Typo(q.Question, random) is { } typo) variants.Add(("typo", typo));
            if (nynorsk?[index] is { Length: > 0 } nn && nn != q.Question) variants.Add(("nynorsk", nn));
            variants.Add(("chat", Chat(q.Question, index)));
            if (Spoken(q.Question) is { } spoken) variants.Add(("spoken", spoken));
            if (LeadIn(q.Question, index) is { } leadIn) variants.Add(("lead-in", leadIn));
            foreach (var (kind, text) in variants)
            {
                var v = Outcome(text);
                var worse = q.IsUnanswerable ? v.Answered && !original.Answered
                    : Worse(v.Rank, original.Rank) || (original.Answered && !v.Answered);
                var better = q.IsUnanswerable ? original.Answered && !v.Answered
                    : Worse(original.Rank, v.Rank) || (!original.Answered && v.Answered);
                var t = tally.GetValueOrDefault(kind);
                tally[kind] = (t.Count + 1, t.Worse + (worse ? 1 : 0), t.Better + (better ? 1 : 0),
                    t.Hit1Original + (!q.IsUnanswerable && original.Rank == 1 ? 1 : 0), t.Hit1Variant + (!q.IsUnanswerable && v.Rank == 1 ? 1 : 0));
                if (worse)
                    Console.WriteLine(string.Create(inv,
                        $"  worse {kind,-5} {q.Id}: rank {original.Rank} → {v.Rank}, {(original.Answered ? "svar" : "avvist")} → {(v.Answered ? "svar" : "avvist")} | {text}"));
            }

            (int Rank, bool Answered) Outcome(string text)
            {
                var result = kb.Search(text, 10, q.Previous);
                return (Evaluator.RankOf(result.Hits.Select(h => h.Text), q.Expect), result.Answered);
            }
        }
        foreach (var (kind, t) in tally.OrderBy(kv => kv.Key))
            Console.WriteLine($"{kind}: {t.Count} variants, {t.Worse} worse, {t.Better} better; answerable at rank 1: {t.Hit1Original} as written, {t.Hit1Variant} as typed");
        return 0;
    }

    /// <summary>The lines in nynorsk as Apertium translates them from bokmål (empty lines stay empty); null without Apertium.</summary>
    private static List<string>? Nynorsk(List<string> lines)
    {
        try
        {
            var start = new System.Diagnostics.ProcessStartInfo("apertium", "-u nob-nno")
            {
                RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
                StandardInputEncoding = new UTF8Encoding(false), StandardOutputEncoding = Encoding.UTF8,
            };
            using var process = System.Diagnostics.Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            foreach (var line in lines) process.StandardInput.WriteLine(line.ReplaceLineEndings(" "));
            process.StandardInput.Close();
            process.WaitForExit();
            var translated = output.Result.Split('\n').Select(l => l.Trim()).ToList();
            return process.ExitCode == 0 && translated.Count >= lines.Count ? translated.Take(lines.Count).ToList() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>The question as a chat message: greeted, thanked and signed off, in turn by the question's place in the files.</summary>
    private static string Chat(string question, int index) =>
        new[] { "Hei! ", "Hei, ", "God morgen! ", "Heisann. ", "" }[index % 5] + question
        + new[] { " Takk!", " Tusen takk for hjelpa.", " Mvh Kari", "", " På forhånd takk, hilsen Per i Vinje kommune" }[index % 5 == 4 ? 4 : (index / 5) % 4];

    /// <summary>«Hva er …» as «ka e …», «Hvem» as «kem», «Hvordan» as «åssen», «Hvorfor» as «koffer»: the question word as spoken.</summary>
    private static string? Spoken(string question)
    {
        foreach (var (written, spoken) in new[] { ("hva er ", "ka e "), ("hvem er ", "kem e "), ("hva ", "ka "), ("hvem ", "kem "), ("hvordan ", "åssen "), ("hvorfor ", "koffer ") })
            if (question.StartsWith(written, StringComparison.OrdinalIgnoreCase)) return spoken + question[written.Length..];
        return null;
    }

    /// <summary>«Lurer på hvor mange …», «Kan du si meg hva …»: a question opening with its question word, announced.</summary>
    private static string? LeadIn(string question, int index)
    {
        string[] questionWords = ["hva", "hvem", "hvor", "hvordan", "hvorfor", "hvilke", "hvilken", "hvilket", "når", "kva", "kven", "kor", "korleis", "kvifor", "kvar"];
        if (!questionWords.Contains(question.Split(' ')[0].ToLowerInvariant())) return null;
        string[] leadIns = ["Lurer på ", "Jeg lurer på ", "Kan du si meg ", "Vet du ", "Kan du fortelle ", "Eg lurer på ", "Lurte på "];
        return leadIns[index % leadIns.Length] + char.ToLowerInvariant(question[0]) + question[1..];
    }

    /// <summary>Rank a is worse than rank b (0: outside the top 10).</summary>
    private static bool Worse(int a, int b) => b > 0 && (a == 0 || a > b);

    private static string Ascii(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
            sb.Append(c switch { 'æ' => "ae", 'ø' => "o", 'å' => "aa", 'Æ' => "Ae", 'Ø' => "O", 'Å' => "Aa", _ => c.ToString() });
        return sb.ToString();
    }

    private static string? Typo(string question, Random random)
    {
        var words = question.Split(' ');
        var candidates = Enumerable.Range(0, words.Length).Where(i => words[i].Trim('?', ',', '.', '!').Length >= 6
            && words[i].Trim('?', ',', '.', '!').All(char.IsLetter)).ToList();
        if (candidates.Count == 0) return null;
        var index = candidates[random.Next(candidates.Count)];
        var word = words[index];
        var letters = word.TrimEnd('?', ',', '.', '!');
        var tail = word[letters.Length..];
        var j = random.Next(1, letters.Length - 1);
        letters = random.Next(4) switch
        {
            0 => letters[..j] + letters[j + 1] + letters[j] + letters[(j + 2)..],
            1 => letters[..j] + letters[(j + 1)..],
            2 => letters[..j] + letters[j] + letters[j..],
            _ => letters[..j] + "aeiourstnlk"[random.Next(11)] + letters[(j + 1)..],
        };
        words[index] = letters + tail;
        return string.Join(' ', words);
    }
}
