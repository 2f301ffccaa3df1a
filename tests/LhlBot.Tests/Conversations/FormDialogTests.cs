using System.Text.Json.Nodes;
using LhlBot.Tests.Infrastructure;

namespace LhlBot.Tests.Conversations;

/// <summary>The conversation engine through a small test form: plain text step by step, cards, cancel, restart.</summary>
public sealed class FormDialogTests
{
    private static Task<BotHost> StartAsync(string? dataFolder = null) =>
        BotHost.StartAsync(new Dictionary<string, string?> { ["Demo:Enabled"] = "false" }, dataFolder, TestFeature.Register);

    [Fact]
    public async Task Plain_text_form_is_asked_step_by_step_with_numbered_choices_and_sent_after_the_summary()
    {
        await using var host = await StartAsync();
        var chat = host.Conversation(channelId: "text");

        var first = await chat.SayAsync("testskjema");
        Assert.Contains("(1/4) **Hvilken farge liker du best?**", first.Text);
        Assert.Contains("2. Grønn", first.Text);

        Assert.Contains("Hvilke frukter", (await chat.SayAsync("2")).Text);
        Assert.Contains("Har du vært i Bodø?", (await chat.SayAsync("eple og plomme")).Text);
        var date = await chat.SayAsync("Jo");
        Assert.Contains("(4/5) **Når var du der?**", date.Text);
        Assert.Contains("Kommentar", (await chat.SayAsync("15. mars 2026")).Text);

        var summary = await chat.SayAsync("-");
        Assert.Contains("Oppsummering", summary.Text);
        Assert.Contains("Hvilken farge liker du best?: Grønn", summary.Text);
        Assert.Contains("Hvilke frukter spiser du?: Eple, Plomme", summary.Text);
        Assert.Contains("Når var du der?: 15.03.2026", summary.Text);

        var sent = await chat.SayAsync("send");
        Assert.Contains("\"colour\":\"green\"", sent.Text);
        Assert.Contains("\"fruits\":[\"apple\",\"plum\"]", sent.Text);
        Assert.Contains("\"visitDate\":\"2026-03-15\"", sent.Text);
    }

    [Fact]
    public async Task Invalid_answers_are_asked_again_with_a_norwegian_message_and_the_answer_can_be_changed_in_the_summary()
    {
        await using var host = await StartAsync();
        var chat = host.Conversation(channelId: "text");
        await chat.SayAsync("testskjema");

        var wrong = await chat.SayAsync("7");
        Assert.Contains("Jeg forstod ikke «7»", wrong.Text);
        Assert.Contains("Hvilken farge liker du best?", wrong.Text);

        var ambiguous = await chat.SayAsync("gr");
        Assert.Contains("kan være flere av valgene (Grønn, Grå)", ambiguous.Text);

        await chat.SayAsync("BLAA");                 // å typed as aa, any case
        await chat.SayAsync("1 3");
        await chat.SayAsync("nei");                  // the date question is then skipped
        var summary = await chat.SayAsync("en kommentar");
        Assert.DoesNotContain("Når var du der?", summary.Text);

        var change = await chat.SayAsync("1");
        Assert.Contains("Hvilken farge liker du best?", change.Text);
        Assert.Contains("Nå: Blå", change.Text);
        var back = await chat.SayAsync("rød");
        Assert.Contains("Hvilken farge liker du best?: Rød", back.Text);

        await chat.SayAsync("2");                                      // change the fruits …
        var kept = await chat.SayAsync("ok");                          // … but keep them as they were
        Assert.Contains("Hvilke frukter spiser du?: Eple, Plomme", kept.Text);

        var sent = await chat.SayAsync("send");
        Assert.Contains("\"colour\":\"red\"", sent.Text);
        Assert.Contains("\"visited\":false", sent.Text);
        Assert.DoesNotContain("visitDate", sent.Text);
    }

    [Fact]
    public async Task Cancel_in_the_middle_stores_nothing_and_says_so()
    {
        await using var host = await StartAsync();
        var chat = host.Conversation(channelId: "text");
        await chat.SayAsync("testskjema");
        await chat.SayAsync("2");

        var cancelled = await chat.SayAsync("avbryt");
        Assert.Contains("Ingenting av det du holdt på med er lagret", cancelled.Text);

        // The form is gone: a bare number now is not an answer to anything.
        var after = await chat.SayAsync("avbryt");
        Assert.Contains("ingenting å avbryte", after.Text);
    }

    [Fact]
    public async Task Help_in_the_middle_explains_the_step_and_asks_again()
    {
        await using var host = await StartAsync();
        var chat = host.Conversation(channelId: "text");
        await chat.SayAsync("testskjema");

        var help = await chat.SayAsync("hjelp");
        Assert.Contains("Velg én farge.", help.Text);
        Assert.Contains("avbryt", help.Text);
        Assert.Contains("Hvilken farge liker du best?", help.Text);
    }

    [Fact]
    public async Task A_dialog_half_way_through_survives_a_restart_on_the_same_database()
    {
        await using var host = await StartAsync();
        var chat = host.Conversation(channelId: "text");
        await chat.SayAsync("testskjema");
        await chat.SayAsync("grønn");

        await host.RestartAsync();

        var resumed = await chat.SayAsync("1,2");
        Assert.Contains("Har du vært i Bodø?", resumed.Text);
        await chat.SayAsync("nei");
        await chat.SayAsync("-");
        var sent = await chat.SayAsync("send");
        Assert.Contains("\"colour\":\"green\"", sent.Text);
        Assert.Contains("\"fruits\":[\"apple\",\"pear\"]", sent.Text);
    }

    [Fact]
    public async Task In_a_card_channel_the_whole_form_is_one_card_and_errors_come_back_on_the_card_without_losing_input()
    {
        await using var host = await StartAsync();
        var chat = host.Conversation(channelId: "test");

        var form = await chat.SayAsync("testskjema");
        var card = Assert.Single(form.CardJson);
        Assert.Contains("\"id\":\"colour\"", card);
        Assert.Contains("\"id\":\"visitDate\"", card);
        Assert.Contains("Når var du der? (hvis ja)", card);

        var withErrors = await chat.SubmitAsync(new JsonObject
        {
            ["action"] = "form.submit", ["form"] = "testSurvey",
            ["colour"] = "blue", ["fruits"] = "", ["visited"] = "true", ["visitDate"] = "2031-01-01", ["comment"] = "hei",
        });
        var errorCard = Assert.Single(withErrors.CardJson);
        Assert.Contains("Noen svar må rettes", errorCard);
        Assert.Contains("Dette spørsmålet må besvares.", errorCard);
        Assert.Contains("Datoen kan ikke være etter 01.01.2030.", errorCard);
        Assert.Contains("\"value\":\"blue\"", errorCard);   // what was valid is kept
        Assert.Contains("\"value\":\"hei\"", errorCard);

        var summary = await chat.SubmitAsync(new JsonObject
        {
            ["action"] = "form.submit", ["form"] = "testSurvey",
            ["colour"] = "blue", ["fruits"] = "pear,apple", ["visited"] = "true", ["visitDate"] = "2025-06-01", ["comment"] = "",
        });
        Assert.Contains("Oppsummering: Testskjema", Assert.Single(summary.CardJson));

        var sent = await chat.SubmitAsync(new JsonObject { ["action"] = "form.send", ["form"] = "testSurvey" });
        Assert.Contains("\"fruits\":[\"apple\",\"pear\"]", sent.Text);
        Assert.Contains("\"visitDate\":\"2025-06-01\"", sent.Text);
    }

    [Fact]
    public async Task Typing_instead_of_filling_the_card_continues_step_by_step()
    {
        await using var host = await StartAsync();
        var chat = host.Conversation(channelId: "test");
        await chat.SayAsync("testskjema");

        var stepwise = await chat.SayAsync("ok");
        Assert.Contains("stegvis", stepwise.Text);
        Assert.Contains("Hvilken farge liker du best?", stepwise.Text);
    }
}
