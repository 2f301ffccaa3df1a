using System.Text.Json.Nodes;
using LhlBot.Questions;
using LhlBot.Storage;
using LhlBot.Tests.Conversations;
using LhlBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LhlBot.Tests.Questions;

/// <summary>The Questions job as a user meets it: the answer card with its source, more hits, feedback, "fant ikke".</summary>
public sealed class QuestionsTests : IAsyncLifetime
{
    private BotHost host = null!;

    public async Task InitializeAsync() => host = await BotHost.StartAsync(services: TestFeature.Register);

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task<List<QuestionLogEntry>> LogAsync()
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<LhlDbContext>().Set<QuestionLogEntry>().AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task A_reform_question_is_answered_on_a_card_with_the_passage_its_source_and_feedback_buttons()
    {
        var reply = await host.Conversation().SayAsync("Hvor mange kommuner hadde kommet til fase 3?");

        var card = Assert.Single(reply.CardJson);
        Assert.Contains("Svar på «Hvor mange kommuner hadde kommet til fase 3?»", card);
        Assert.Contains("172", card);                          // the figure from Hdir's note
        Assert.Contains("fordobling", card);
        Assert.Contains("\"title\":\"Kilde\"", card);
        Assert.Contains("Notat", card);                        // the Hdir note is the source
        Assert.Contains("**", card);                           // matched words in bold
        Assert.Contains("questions.feedback", card);
        Assert.Contains(" Nyttig\"", card);             // the 👍 button (emoji are \u-escaped in JSON)

        var logged = Assert.Single(await LogAsync());
        Assert.True(logged.Answered);
        Assert.Equal("hdir-notat-statusrapportering-2021-11", logged.TopDocument);
    }

    [Fact]
    public async Task The_card_leads_with_the_sentences_that_answer_and_keeps_the_whole_passage_a_click_away()
    {
        var reply = await host.Conversation().SayAsync("Hvor lenge varer KS-avtalen med regjeringen?");

        var card = Assert.Single(reply.Cards);
        var body = card["body"]!.AsArray();
        var answerBox = body.OfType<JsonObject>().First(e => (string?)e["style"] == "emphasis");
        var lead = (string)answerBox["items"]![0]!["text"]!;
        Assert.Contains("31. desember 2023", lead);
        Assert.True(lead.Length < 400, $"the lead should be a sentence or two, was {lead.Length} characters");

        var whole = body.OfType<JsonObject>().Single(e => (string?)e["id"] == "wholePassage");
        Assert.False((bool)whole["isVisible"]!);
        var passage = (string)whole["items"]![1]!["text"]!;
        Assert.True(passage.Length > lead.Length);
        Assert.Contains("konsultasjonsordningen", passage);
        var toggle = body.OfType<JsonObject>().Single(e => (string?)e["type"] == "ActionSet")["actions"]![0]!;
        Assert.Equal("Action.ToggleVisibility", (string?)toggle["type"]);
        Assert.Equal("wholePassage", (string?)toggle["targetElements"]![0]);
    }

    [Fact]
    public async Task In_plain_text_the_answer_names_its_source_and_how_to_get_more()
    {
        var reply = await host.Conversation(channelId: "text").SayAsync("Hva er de fem innsatsområdene i reformen?");
        Assert.Contains("_Kilde: ", reply.Text);
        Assert.Contains("Treff 1 av", reply.Text);
        Assert.Contains("«flere»", reply.Text);
    }

    [Fact]
    public async Task Next_hit_and_feedback_are_stored_with_the_question()
    {
        var chat = host.Conversation(channelId: "text");
        var first = await chat.SayAsync("Hva er de fem innsatsområdene i reformen?");
        var next = await chat.SayAsync("flere");
        Assert.Contains("Treff 2 av", next.Text);
        Assert.NotEqual(first.Text, next.Text);

        var thanks = await chat.SayAsync("dårlig");
        Assert.Contains("Takk", thanks.Text);

        var entry = Assert.Single(await LogAsync());
        Assert.Equal(-1, entry.Feedback);
        Assert.NotNull(entry.FeedbackAt);
    }

    [Fact]
    public async Task Thanking_for_the_help_after_an_answer_is_stored_as_good_feedback()
    {
        var chat = host.Conversation(channelId: "text");
        await chat.SayAsync("Hva er de fem innsatsområdene i reformen?");

        var reply = await chat.SayAsync("Takk for hjelpa!");
        Assert.Contains("Takk for tilbakemeldingen", reply.Text);
        Assert.Equal(1, Assert.Single(await LogAsync()).Feedback);
    }

    [Fact]
    public async Task Feedback_from_the_card_button_is_stored_and_another_conversation_cannot_rate_it()
    {
        var chat = host.Conversation();
        await chat.SayAsync("Hva er de fem innsatsområdene i reformen?");
        var id = (await LogAsync()).Single().Id.ToString();

        var stranger = await host.Conversation().SubmitAsync(new JsonObject { ["action"] = "questions.feedback", ["log"] = id, ["value"] = 1 });
        Assert.Contains("finner ikke svaret", stranger.Text);
        Assert.Null((await LogAsync()).Single().Feedback);

        var own = await chat.SubmitAsync(new JsonObject { ["action"] = "questions.feedback", ["log"] = id, ["value"] = 1 });
        Assert.Contains("Takk for tilbakemeldingen", own.Text);
        Assert.Equal(1, (await LogAsync()).Single().Feedback);
    }

    [Fact]
    public async Task A_question_the_documents_do_not_answer_is_declined_honestly_and_logged_as_unanswered()
    {
        var reply = await host.Conversation(channelId: "text").SayAsync("Hvem vant fotball-VM for kvinner i 1995?");

        Assert.Contains("Jeg fant ikke et godt svar", reply.Text);
        var entry = Assert.Single(await LogAsync());
        Assert.False(entry.Answered);
    }

    [Theory]
    [InlineData("AND (")]
    [InlineData("*")]
    [InlineData("\"")]
    [InlineData("~~~ hva: er -plan?")]
    [InlineData("🙂🙂🙂 😡")]
    public async Task Hostile_or_odd_input_gets_an_answer_or_a_clear_not_found_never_an_error(string text)
    {
        var reply = await host.Conversation(channelId: "text").SayAsync(text);
        Assert.False(string.IsNullOrWhiteSpace(reply.Text));
        Assert.DoesNotContain("Beklager, noe gikk galt", reply.Text);
    }

    [Fact]
    public async Task Five_thousand_characters_of_noise_are_handled()
    {
        var noise = string.Concat(Enumerable.Repeat("plan kommune ((( \"\" ~* ", 250));
        var reply = await host.Conversation(channelId: "text").SayAsync(noise[..5000]);
        Assert.False(string.IsNullOrWhiteSpace(reply.Text));
    }

    [Theory]
    [InlineData("Hva er de fem innsatsområdene i reformen?")]
    // No question mark, a greeting first and «ka» for «hva»: still a question, not an answer to the form.
    [InlineData("Hei, ka e dei fem innsatsområda i reforma")]
    // Announced, without a question mark.
    [InlineData("Lurer på hva de fem innsatsområdene i reformen er")]
    public async Task A_question_in_the_middle_of_a_form_is_answered_and_the_form_waits_where_it_was(string question)
    {
        var chat = host.Conversation(channelId: "text");
        await chat.SayAsync("testskjema");

        var reply = await chat.SayAsync(question);
        Assert.Contains("_Kilde: ", reply.Text);
        Assert.Contains("Vi fortsetter der vi slapp", reply.Text);
        Assert.Contains("Hvilken farge liker du best?", reply.Text);

        Assert.Contains("Hvilke frukter", (await chat.SayAsync("rød")).Text);
    }

    [Fact]
    public async Task A_short_follow_up_is_read_in_the_context_of_the_previous_question()
    {
        var chat = host.Conversation(channelId: "text");
        await chat.SayAsync("Hvilke kommuner i Nordland deltar i læringsnettverk?");
        var followUp = await chat.SayAsync("og i Rogaland?");

        Assert.Contains("oppfølgingsspørsmål", followUp.Text);
        var entries = await LogAsync();
        var last = entries.OrderBy(e => e.AskedAt).Last();
        Assert.Contains("Rogaland", last.SearchedAs);
        Assert.NotEqual(last.Question, last.SearchedAs);
    }
}
