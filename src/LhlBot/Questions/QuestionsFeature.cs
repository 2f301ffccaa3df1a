using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using LhlBot.Conversations;
using LhlBot.Conversations.Dialogs;
using LhlBot.Knowledge;
using LhlBot.People;
using Microsoft.EntityFrameworkCore;
using LhlBot.Storage;

namespace LhlBot.Questions;

/// <summary>
/// Answers reform questions from the knowledge base: the best passage with its source, the next hits on request,
/// 👍/👎 stored with the question, and an honest "fant ikke" (logged for administrators) below the threshold.
/// A short follow-up ("og for KS?") is read in the context of the question before it.
/// </summary>
internal sealed class QuestionsFeature(KnowledgeBase knowledge, KnowledgeSync sync, Hosting.Readiness readiness, Hosting.BotTelemetry telemetry, LhlDbContext db, IEnumerable<IFollowUpOffer> offers, AnswerFeedback feedback, IEnumerable<IAnswerSupplement> supplements, TimeProvider clock)
    : IBotFeature, IQuestionAnswerer
{
    public const string AskAction = "questions.ask";
    /// <summary>«Nei, søk i dokumentene» after «Mente du …?»: the text is answered as a question after all.</summary>
    public const string SearchAction = "questions.search";
    private const string NextAction = "questions.next";
    private const string FeedbackAction = "questions.feedback";
    private const string Template = "answer";

    private const string LastQuestionKey = "lastQuestion";
    private const string LastLogKey = "lastQuestionLog";
    private const string LastHitKey = "lastQuestionHit";
    /// <summary>The conversation's version when the last answer was given: typed 👍/👎 counts only in the very next turn.</summary>
    private const string LastAnswerTurnKey = "lastAnswerTurn";

    private static readonly string[] NextWords = ["flere", "neste", "flere treff", "neste treff", "mer", "fleire", "vis flere"];
    private static readonly string[] GoodWords =
        ["👍", "bra", "bra svar", "nyttig", "takk", "tusen takk", "supert", "flott", "takk for hjelpa", "takk for hjelpen",
         "takk for svaret", "takk for svar", "tusen takk for hjelpa", "tusen takk for hjelpen", "takk skal du ha"];
    private static readonly string[] ReindexWords = ["reindex", "reindekser", "oppdater kunnskapsbasen", "bygg indeksen på nytt"];
    private static readonly string[] UnansweredWords = ["ubesvarte", "ubesvarte spørsmål", "ubesvarte sporsmal"];
    private static readonly string[] BadWords = ["👎", "dårlig", "darlig", "dårlig svar", "ikke nyttig", "feil svar", "ikkje nyttig"];

    public Task<IReadOnlyList<MenuItem>> MenuItemsAsync(DialogContext dc, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<MenuItem>>(
            [new("Still et spørsmål", "Spør om reformen på bokmål eller nynorsk – jeg svarer fra veiledningsdokumentene og viser kilden.", AskAction)]);

    public bool WorksMidDialog(string action) => action is NextAction or FeedbackAction;

    public async Task<bool> TryStartAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var input = dc.Input;
        switch (input.Action)
        {
            case AskAction:
                await dc.SendAsync("Skriv spørsmålet ditt, så leter jeg i veiledningsdokumentene. Du kan skrive på bokmål eller nynorsk.", cancellationToken);
                return true;
            case SearchAction when ((string?)input.CardValue?["text"]) is { Length: > 0 } text:
                await AnswerAsync(dc, text, cancellationToken);
                return true;
            case NextAction:
                await ShowHitAsync(dc, ReadGuid(input.CardValue?["log"]), input.CardInt("hit") ?? 1, cancellationToken);
                return true;
            case FeedbackAction:
                await StoreFeedbackAsync(dc, ReadGuid(input.CardValue?["log"]), input.CardInt("value") ?? 0, cancellationToken);
                return true;
        }
        if (input.IsCommand(ReindexWords))
        {
            await ReindexAsync(dc, cancellationToken);
            return true;
        }
        if (input.IsCommand(UnansweredWords))
        {
            await ListUnansweredAsync(dc, cancellationToken);
            return true;
        }
        if (input.IsCommand(NextWords) && LastLog(dc) is { } last)
        {
            await ShowHitAsync(dc, last, ((int?)dc.State.Memory[LastHitKey] ?? 0) + 1, cancellationToken);
            return true;
        }
        if (input.IsCommand(GoodWords) && JustAnswered(dc) is { } liked)
        {
            await StoreFeedbackAsync(dc, liked, 1, cancellationToken);
            return true;
        }
        if (input.IsCommand(BadWords) && JustAnswered(dc) is { } disliked)
        {
            await StoreFeedbackAsync(dc, disliked, -1, cancellationToken);
            return true;
        }
        return false;
    }

    public async Task AnswerAsync(DialogContext dc, string question, CancellationToken cancellationToken)
    {
        if (readiness.KnowledgeLoading)
        {
            // The first index build after a start is still running: say so at once rather than keep the turn waiting.
            await dc.SendAsync(Hosting.StartupGate.StartingText + " Jeg laster inn veiledningsdokumentene – spør igjen om noen sekunder.", cancellationToken);
            return;
        }
        var previous = (string?)dc.State.Memory[LastQuestionKey];
        var result = knowledge.Search(question, maxResults: 10, previousQuestion: previous);
        telemetry.Questions.Add(1, new KeyValuePair<string, object?>("lhlbot.outcome", result.Answered ? "answered" : "declined"));
        var top = result.Hits.Count > 0 ? result.Hits[0] : null;
        var entry = new QuestionLogEntry
        {
            Id = Guid.NewGuid(),
            AskedAt = clock.GetUtcNow(),
            ConversationId = dc.Context.Activity.Conversation!.Id!,
            UserAadObjectId = dc.Context.Activity.From?.AadObjectId,
            Question = Truncate(question, 5000),
            SearchedAs = Truncate(result.Question, 6000),
            Answered = result.Answered,
            Confidence = result.Confidence,
            TopDocument = top?.Document,
            TopSection = top?.Section,
        };
        db.Add(entry);

        dc.State.Memory[LastQuestionKey] = result.Question;
        dc.State.Memory[LastLogKey] = entry.Id.ToString();
        dc.State.Memory[LastHitKey] = 1;
        dc.State.Memory[LastAnswerTurnKey] = TurnVersion(dc);

        if (result.Answered && top is not null)
        {
            var note = result.IsFollowUp ? $"Jeg leste dette som et oppfølgingsspørsmål: «{Shorten(result.Question, 120)}»." : "";
            await SendHitAsync(dc, entry, question, top, 1, result.Hits.Count, note, cancellationToken);
            await SupplementAsync(dc, question, documentsAnswered: true, cancellationToken);
            return;
        }
        // Another source (the experience bank) may answer what the documents do not; the question stays logged as unanswered.
        if (await SupplementAsync(dc, question, documentsAnswered: false, cancellationToken)) return;
        await SendNotFoundAsync(dc, entry, question, result.Hits, cancellationToken);
    }

    private async Task<bool> SupplementAsync(DialogContext dc, string question, bool documentsAnswered, CancellationToken cancellationToken)
    {
        var sent = false;
        foreach (var supplement in supplements)
        {
            sent |= await supplement.SupplementAsync(dc, question, documentsAnswered, cancellationToken);
        }
        return sent;
    }

    private async Task ShowHitAsync(DialogContext dc, Guid? logId, int hitNumber, CancellationToken cancellationToken)
    {
        var entry = await FindLogAsync(dc, logId, cancellationToken);
        if (entry is null)
        {
            await dc.SendAsync("Jeg finner ikke det spørsmålet lenger. Skriv spørsmålet på nytt.", cancellationToken);
            return;
        }
        var result = knowledge.Search(entry.SearchedAs, maxResults: 10);
        if (hitNumber < 1 || hitNumber > result.Hits.Count)
        {
            await dc.SendAsync("Det finnes ingen flere treff på dette spørsmålet. Prøv gjerne å formulere det på en annen måte.", cancellationToken);
            return;
        }
        dc.State.Memory[LastLogKey] = entry.Id.ToString();
        dc.State.Memory[LastHitKey] = hitNumber;
        dc.State.Memory[LastAnswerTurnKey] = TurnVersion(dc);
        await SendHitAsync(dc, entry, entry.Question, result.Hits[hitNumber - 1], hitNumber, result.Hits.Count, "", cancellationToken);
    }

    private async Task StoreFeedbackAsync(DialogContext dc, Guid? logId, int value, CancellationToken cancellationToken)
    {
        var entry = logId is { } id ? await feedback.RecordAsync(id, dc.Context.Activity.Conversation?.Id ?? "", value, cancellationToken) : null;
        if (entry is null)
        {
            await dc.SendAsync("Jeg finner ikke svaret du vil gi tilbakemelding på.", cancellationToken);
            return;
        }
        var reply = value > 0
            ? "Takk for tilbakemeldingen! 👍"
            : "Takk – jeg noterer at svaret ikke hjalp. Prøv gjerne å spørre på en annen måte" +
              (FirstOffer(dc) is { } offer ? $", eller velg «{offer.Title}»." : ".");
        await dc.SendAsync(reply, cancellationToken);
    }

    private Task SendHitAsync(DialogContext dc, QuestionLogEntry entry, string question, SearchHit hit, int number, int count, string note, CancellationToken cancellationToken)
    {
        var date = hit.Date?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) ?? "–";
        var actions = new JsonArray();
        if (number < count) actions.Add(Action("Neste treff", NextAction, entry.Id, new JsonObject { ["hit"] = number + 1 }));
        actions.Add(Action("👍 Nyttig", FeedbackAction, entry.Id, new JsonObject { ["value"] = 1 }));
        actions.Add(Action("👎 Ikke nyttig", FeedbackAction, entry.Id, new JsonObject { ["value"] = -1 }));

        var data = new JsonObject
        {
            ["heading"] = number == 1 ? $"Svar på «{Shorten(question, 100)}»" : $"Treff {number} på «{Shorten(question, 100)}»",
            ["note"] = note,
            ["answered"] = true,
            ["text"] = hit.HighlightedText,
            ["excerpt"] = hit.Excerpt,
            ["title"] = hit.Title,
            ["section"] = string.IsNullOrWhiteSpace(hit.Section) ? "–" : hit.Section,
            ["date"] = date,
            ["hitNumber"] = number,
            ["hitCount"] = count,
            ["related"] = new JsonArray(),
            ["actions"] = actions,
        };

        var text = new StringBuilder();
        if (note.Length > 0) text.Append('_').Append(note).AppendLine("_");
        if (hit.Excerpt.Length > 0) text.AppendLine(hit.Excerpt).AppendLine().AppendLine("_Hele avsnittet:_");
        text.AppendLine(hit.HighlightedText).AppendLine()
            .Append("_Kilde: ").Append(hit.Title);
        if (!string.IsNullOrWhiteSpace(hit.Section)) text.Append(" › ").Append(hit.Section);
        text.Append(" (").Append(hit.Publisher is null ? "" : hit.Publisher + ", ").Append(date).AppendLine(")_");
        text.Append("Treff ").Append(number).Append(" av ").Append(count).Append(". ");
        if (number < count) text.Append("Skriv «flere» for neste treff. ");
        text.Append("Skriv «bra» eller «dårlig» for å si om svaret hjalp.");

        return dc.SendCardAsync(Template, data, text.ToString(), cancellationToken);
    }

    private Task SendNotFoundAsync(DialogContext dc, QuestionLogEntry entry, string question, IReadOnlyList<SearchHit> hits, CancellationToken cancellationToken)
    {
        var related = hits
            .GroupBy(h => (h.Title, h.Section)).Select(g => g.First())
            .Take(3).ToList();
        var offer = FirstOffer(dc);
        var actions = new JsonArray();
        if (offer is not null) actions.Add(new JsonObject { ["title"] = offer.Title, ["data"] = new JsonObject { ["action"] = offer.Action } });

        const string heading = "Jeg fant ikke et godt svar på dette i veiledningsdokumentene.";
        var data = new JsonObject
        {
            ["heading"] = heading,
            ["note"] = $"Spørsmålet ditt: «{Shorten(question, 200)}». Jeg har notert det, så administratorene kan se hva som mangler.",
            ["answered"] = false,
            ["text"] = "",
            ["excerpt"] = "",
            ["title"] = "",
            ["section"] = "",
            ["date"] = "",
            ["hitNumber"] = 0,
            ["hitCount"] = 0,
            ["related"] = new JsonArray(related.Select(h => (JsonNode)new JsonObject { ["title"] = h.Title, ["section"] = string.IsNullOrWhiteSpace(h.Section) ? "(innledning)" : h.Section }).ToArray()),
            ["actions"] = actions,
        };

        var text = new StringBuilder(heading).AppendLine(" Jeg har notert spørsmålet, så administratorene kan se hva som mangler.");
        if (related.Count > 0)
        {
            text.AppendLine().AppendLine("Disse avsnittene kan likevel være nyttige:");
            foreach (var hit in related) text.Append("- ").Append(hit.Title).Append(": ").AppendLine(string.IsNullOrWhiteSpace(hit.Section) ? "(innledning)" : hit.Section);
        }
        text.AppendLine().Append("Prøv gjerne å spørre på en annen måte");
        text.Append(offer is not null ? $", eller skriv «{offer.Title.ToLowerInvariant()}»." : ".");
        return dc.SendCardAsync(Template, data, text.ToString(), cancellationToken);
    }

    /// <summary>Administrators rebuild the index from knowledge/ without a restart (on every instance); questions keep being answered meanwhile.</summary>
    private async Task ReindexAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (!dc.User.Has(Role.Administrator))
        {
            await dc.SendAsync("Bare administratorer kan bygge kunnskapsbasen på nytt.", cancellationToken);
            return;
        }
        var report = knowledge.Build(force: true);
        await sync.PublishAsync(cancellationToken); // the other bot instances rebuild theirs
        var text = new StringBuilder($"Kunnskapsbasen er bygget på nytt: {report.Documents} dokumenter, {report.Passages} avsnitt, {report.AlternativeQuestions} alternative spørsmål ({report.Elapsed.TotalMilliseconds:0} ms).");
        foreach (var problem in report.Problems) text.Append($"\n- Hoppet over {problem.File}: {problem.Reason}");
        foreach (var problem in report.AnchorProblems) text.Append($"\n- Alternative spørsmål hoppet over i {problem.File}: {problem.Reason}");
        await dc.SendAsync(text.ToString(), cancellationToken);
    }

    /// <summary>The latest questions the documents could not answer: what administrators should add to knowledge/.</summary>
    private async Task ListUnansweredAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (!dc.User.Has(Role.Administrator))
        {
            await dc.SendAsync("Bare administratorer kan se listen over ubesvarte spørsmål.", cancellationToken);
            return;
        }
        var entries = await db.Set<QuestionLogEntry>().AsNoTracking()
            .Where(q => !q.Answered || q.Feedback == -1)
            .ToListAsync(cancellationToken);
        var latest = entries.OrderByDescending(q => q.AskedAt).Take(15).ToList();
        if (latest.Count == 0)
        {
            await dc.SendAsync("Ingen ubesvarte spørsmål ennå.", cancellationToken);
            return;
        }
        var text = new StringBuilder($"**Siste ubesvarte eller dårlig vurderte spørsmål** ({entries.Count} i alt):\n");
        foreach (var entry in latest)
        {
            text.Append("- ").Append(entry.AskedAt.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)).Append(": «")
                .Append(Shorten(entry.Question, 150)).Append('»').AppendLine(entry.Answered ? " (👎)" : "");
        }
        await dc.SendAsync(text.ToString(), cancellationToken);
    }

    private MenuItem? FirstOffer(DialogContext dc) => offers.Select(o => o.Offer(dc)).FirstOrDefault(o => o is not null);

    private async Task<QuestionLogEntry?> FindLogAsync(DialogContext dc, Guid? id, CancellationToken cancellationToken)
    {
        if (id is null) return null;
        var entry = await db.Set<QuestionLogEntry>().FindAsync([id.Value], cancellationToken);
        // Only the conversation that asked may page through or rate the answer.
        return entry?.ConversationId == dc.Context.Activity.Conversation?.Id ? entry : null;
    }

    private static Guid? LastLog(DialogContext dc) => ReadGuid(dc.State.Memory[LastLogKey]);

    /// <summary>The answer given in the turn just before this one; typed «takk» or «👎» later is not about it.</summary>
    private static Guid? JustAnswered(DialogContext dc) =>
        (long?)dc.State.Memory[LastAnswerTurnKey] is { } turn && turn + 1 == TurnVersion(dc) ? LastLog(dc) : null;

    private static long TurnVersion(DialogContext dc) => dc.TurnNumber;

    private static Guid? ReadGuid(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && Guid.TryParse(text, out var id) ? id : null;

    private static JsonObject Action(string title, string action, Guid log, JsonObject extra)
    {
        var data = new JsonObject { ["action"] = action, ["log"] = log.ToString() };
        foreach (var (key, value) in extra) data[key] = value?.DeepClone();
        return new JsonObject { ["title"] = title, ["data"] = data };
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
