using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using LhlBot.Knowledge.Analysis;
using LhlBot.Knowledge.Search;
using Microsoft.Extensions.Options;

namespace LhlBot.Conversations.Requests;

/// <summary>What the recogniser makes of a text: start a job, ask «Mente du …?», or take it as a question.</summary>
internal enum RequestVerdict { Question, Ask, Start }

/// <param name="Declaration">The best job's declaration (null when nothing came close).</param>
/// <param name="Score">0..1: how well the text meets the job's best example, after the question-shape factors.</param>
internal sealed record RecognizedRequest(RequestVerdict Verdict, RequestDeclaration? Declaration, double Score, IReadOnlyList<RequestEntity> Entities)
{
    public string Intent => Verdict == RequestVerdict.Question || Declaration is null ? "question" : Declaration.Intent;

    /// <summary>The card data that starts the job with the entities it takes filled in.</summary>
    public JsonObject ActionData()
    {
        var data = new JsonObject { ["action"] = Declaration!.Action };
        foreach (var entity in Entities)
        {
            if (Declaration.Entities.TryGetValue(entity.Kind, out var field) && !data.ContainsKey(field)) data[field] = entity.Value;
        }
        return data;
    }
}

/// <summary>
/// Reads free text as a request for one of the bot's jobs. Each job declares its examples and entities once, as data
/// (<c>*.requests.json</c> beside the job); the text and the examples go through the search's Norwegian analysis
/// (<see cref="TextAnalysis"/>: stems, nynorsk, abbreviations and synonyms, compounds) and one-letter typos are
/// forgiven, so «bestille veiledningsmøter», «bestelle et møte» and «tinge rettleiingsmøte» meet «bestill veiledningsmøte».
/// Entities (municipality, office, organisation, week or date, round) are taken out first and stand in the examples
/// as «{organisation}». A question about a job's thing («Hva er et veiledningsmøte?») scores lower by its shape.
/// </summary>
internal sealed class RequestRecognizer
{
    private const string ResourceSuffix = ".requests.json";
    private const string ShapesResource = "request-shapes.json";
    private const string SynonymsResource = "request-synonyms.txt";

    private readonly IReadOnlyList<RequestDeclaration> declarations;
    private readonly List<(RequestDeclaration Declaration, Example Example)> examples = [];
    private readonly TextAnalysis analysis;
    private readonly RequestShapes shapes;
    private readonly EntityExtractor entities;
    private readonly RequestSettings settings;
    private readonly string[][] questionLeads;

    public RequestRecognizer(People.RegistryLookup registry, TimeProvider clock, IOptions<RequestSettings> options)
    {
        settings = options.Value;
        var assembly = typeof(RequestRecognizer).Assembly;
        shapes = JsonSerializer.Deserialize<RequestShapes>(Read(assembly, ShapesResource), Json) ?? new RequestShapes();
        declarations = assembly.GetManifestResourceNames().Where(n => n.EndsWith(ResourceSuffix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .SelectMany(n => JsonSerializer.Deserialize<RequestFile>(Read(assembly, n), Json)?.Requests ?? []).ToList();
        analysis = TextAnalysis.Create(Read(assembly, SynonymsResource), declarations.SelectMany(d => d.Examples));
        entities = new EntityExtractor(registry, shapes, clock);
        questionLeads = shapes.QuestionLeads.Select(l => TextMatching.Normalize(l).Split(' ')).ToArray();
        foreach (var declaration in declarations)
        {
            foreach (var text in declaration.Examples) examples.Add((declaration, Prepare(text, placeholders: true, out _)));
        }
        cues = declarations.ToDictionary(d => d, d => d.Cues.Select(TextMatching.Normalize).Where(c => c.Length > 0).ToArray());
        var jobs = Math.Max(1, declarations.Count);
        weights = examples.SelectMany(e => e.Example.Stems.Concat(e.Example.Words).Distinct().Select(t => (t, e.Declaration)))
            .Distinct().GroupBy(x => x.t).ToDictionary(g => g.Key, g => 1 + Math.Log((double)jobs / g.Count()));
        maxWeight = 1 + Math.Log(jobs);
    }

    private readonly Dictionary<string, double> weights;
    private readonly Dictionary<RequestDeclaration, string[]> cues;
    private readonly double maxWeight;

    public IReadOnlyList<RequestDeclaration> Declarations => declarations;

    public EntityExtractor Entities => entities;

    public RequestDeclaration? ByAction(string action) => declarations.FirstOrDefault(d => d.Action == action);

    public RecognizedRequest Recognize(string text)
    {
        var input = Prepare(text, placeholders: false, out var found);
        if (input.Stems.Count + input.Words.Count == 0) return new(RequestVerdict.Question, null, 0, found);

        var scored = examples
            .Select(e => (e.Declaration, Score: Similarity(input, e.Example)))
            .GroupBy(e => e.Declaration).Select(g => (Declaration: g.Key, Score: g.Max(x => x.Score) + (HasCue(input, g.Key) && g.Max(x => x.Score) > 0 ? settings.CueBonus : 0)))
            .OrderByDescending(x => x.Score).ToList();
        var (best, score) = scored.Count > 0 ? scored[0] : (null, 0);
        score *= ShapeFactor(input.Words, text);
        var verdict = best is null ? RequestVerdict.Question
            : score >= settings.StartScore ? RequestVerdict.Start
            : score >= settings.AskScore ? RequestVerdict.Ask
            : RequestVerdict.Question;
        return new(verdict, best, Math.Round(Math.Min(score, 1), 3), found);
    }

    private bool HasCue(Example input, RequestDeclaration declaration) =>
        cues[declaration].Any(c => input.Words.Any(w => w == c || (w.Length >= settings.TypoMinLength && c.Length >= settings.TypoMinLength && TextAnalysis.IsTypoOf(c, w))));

    /// <summary>A question opening («hva er», «hvorfor») always lowers the score; a question without «jeg», «vi» … does too.</summary>
    private double ShapeFactor(IReadOnlyList<string> words, string text)
    {
        var bare = TextMatching.Normalize(ChatQuestion.Bare(text)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var personal = bare.Any(w => shapes.FirstPerson.Contains(w));
        if (questionLeads.Any(lead => lead.Length <= bare.Length && lead.Select((w, i) => bare[i] == w).All(x => x)))
            return personal ? settings.PersonalQuestionLeadFactor : settings.QuestionLeadFactor;
        return TextMatching.LooksLikeQuestion(text) && !personal ? settings.ImpersonalQuestionFactor : 1.0;
    }

    /// <summary>Stems and words as written together; where the example or the text is all small words («hva kan du»), the words alone.</summary>
    private double Similarity(Example input, Example example) =>
        input.Stems.Count == 0 && example.Stems.Count == 0
            ? Overlap(input.Words, example.Words)
            : settings.StemWeight * Overlap(input.Stems, example.Stems) + (1 - settings.StemWeight) * Overlap(input.Words, example.Words);

    /// <summary>
    /// F-beta of the example's words found in the text (recall) and the text's words found in the example (precision),
    /// each word weighted by how few jobs use it (a job's own word says more than one every job has). A word matches
    /// the same word, or one typo of it. Recall counts more: a request says more than its job's words.
    /// </summary>
    private double Overlap(IReadOnlyList<string> text, IReadOnlyList<string> example)
    {
        if (text.Count == 0 || example.Count == 0) return 0;
        double matchedText = 0, matchedExample = 0;
        var used = new bool[example.Count];
        foreach (var term in text)
        {
            for (var j = 0; j < example.Count; j++)
            {
                if (used[j]) continue;
                if (term == example[j] || (term.Length >= settings.TypoMinLength && example[j].Length >= settings.TypoMinLength && TextAnalysis.IsTypoOf(example[j], term)))
                {
                    used[j] = true;
                    matchedText += Weight(term);
                    matchedExample += Weight(example[j]);
                    break;
                }
            }
        }
        if (matchedText == 0) return 0;
        var precision = matchedText / text.Sum(Weight);
        var recall = matchedExample / example.Sum(Weight);
        var b2 = settings.RecallBeta * settings.RecallBeta;
        return (1 + b2) * precision * recall / (b2 * precision + recall);
    }

    /// <summary>1 + ln(jobs / jobs whose examples have the term); a term no example has weighs as much as the rarest.</summary>
    /// <remarks>An entity's place («@office») weighs <see cref="RequestSettings.EntityWeight"/>: a name alone is no errand.</remarks>
    private double Weight(string term) =>
        term.StartsWith('@') ? settings.EntityWeight : weights.TryGetValue(term, out var w) ? w : maxWeight;

    /// <summary>The text's stems and words, with each entity replaced by its kind («@organisation»).</summary>
    private Example Prepare(string text, bool placeholders, out List<RequestEntity> found)
    {
        var bare = placeholders ? text : ChatQuestion.Bare(text);
        found = [];
        var kinds = new List<string>();
        if (placeholders)
        {
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(bare, @"\{(\w+)\}")) kinds.Add("@" + m.Groups[1].Value);
            bare = System.Text.RegularExpressions.Regex.Replace(bare, @"\{\w+\}", " ");
        }
        var words = TextMatching.Normalize(bare).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!placeholders)
        {
            found = entities.Extract(bare, words);
            var taken = new bool[words.Length];
            foreach (var e in found)
            {
                for (var i = e.FirstWord; i < e.FirstWord + e.WordCount && i < words.Length; i++) taken[i] = true;
                if (e.WordCount > 0) kinds.Add("@" + EntityKind(e.Kind));
            }
            words = words.Where((_, i) => !taken[i]).ToArray();
        }
        var rest = string.Join(' ', words);
        var stems = analysis.Terms(rest).Concat(kinds).ToList();
        return new Example(stems, words.Concat(kinds).ToList());
    }

    /// <summary>A week and a date stand in the same place in an example («{date}»).</summary>
    private static string EntityKind(string kind) => kind == EntityExtractor.Week ? EntityExtractor.Date : kind;

    private static string Read(Assembly assembly, string suffix)
    {
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith(suffix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Embedded resource *{suffix} is missing.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private sealed record Example(IReadOnlyList<string> Stems, IReadOnlyList<string> Words);
}
