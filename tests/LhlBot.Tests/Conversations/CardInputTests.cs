using System.Text.Json.Nodes;
using LhlBot.Bookings;
using LhlBot.People;
using LhlBot.Questions;
using LhlBot.Storage;
using LhlBot.Tests.Bookings;
using LhlBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static LhlBot.Tests.StatusReports.StatusTestHost;

namespace LhlBot.Tests.Conversations;

/// <summary>Issue 18, item 2: a card press is never lost or misread — ended forms store nothing, feedback is the user's own.</summary>
public sealed class CardInputTests
{
    [Fact]
    public async Task Every_button_of_a_form_carries_its_dialog_instance_and_Avbryt_sends_no_inputs()
    {
        await using var host = await StartAsync();
        await AddPeopleAsync(host);
        var form = await host.Conversation(user: BodoContact).SayAsync("rapporter status");

        var buttons = form.Cards.SelectMany(Reply.Buttons).ToList();
        Assert.NotEmpty(buttons);
        Assert.All(buttons, b => Assert.False(string.IsNullOrEmpty((string?)b["data"]?["dialog"])));
        var cancel = Assert.Single(buttons, b => (string?)b["data"]?["action"] == "cancel");
        Assert.Equal("none", (string?)cancel["associatedInputs"]);
        Assert.Null(buttons.Single(b => (string?)b["data"]?["action"] == "form.submit")["associatedInputs"]);
    }

    [Fact]
    public async Task A_double_clicked_Send_stores_one_report_version_and_the_second_press_is_told_the_form_has_ended()
    {
        await using var host = await StartAsync();
        await AddPeopleAsync(host);
        var chat = host.Conversation(user: BodoContact);
        await chat.SayAsync("rapporter status");
        var summary = await chat.SubmitAsync(ValidCard());
        var send = summary.Button("Send rapporten");

        Assert.Contains("er sendt (versjon 1)", (await chat.SubmitAsIsAsync(send)).Everything);
        var again = await chat.SubmitAsIsAsync(send);

        Assert.Contains("Det skjemaet er avsluttet", again.Everything);
        Assert.Contains("status.report", again.Everything);           // a way to start again
        Assert.DoesNotContain("Takk for tilbakemeldingen", again.Everything);
        Assert.Single(await ReportsAsync(host, "1804"));
        await using var scope = host.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<LhlDbContext>().Set<QuestionLogEntry>().AnyAsync(q => q.Feedback != null));
    }

    [Fact]
    public async Task Ga_videre_on_a_cancelled_form_stores_nothing_and_does_not_fill_the_form_started_after_it()
    {
        await using var host = await StartAsync();
        await AddPeopleAsync(host);
        var chat = host.Conversation(user: BodoContact);
        var first = await chat.SayAsync("rapporter status");
        var oldNext = first.Button("Gå videre");
        foreach (var (key, value) in ValidCard()) if (key != "action") oldNext[key] = value?.DeepClone();
        await chat.SayAsync("avbryt");

        var stale = await chat.SubmitAsIsAsync(oldNext);
        Assert.Contains("Det skjemaet er avsluttet", stale.Everything);
        Assert.DoesNotContain("Oppsummering", stale.Everything);

        // A new report: the old card's button must not answer it either; the new one waits untouched.
        await chat.SayAsync("rapporter status");
        var staleAgain = await chat.SubmitAsIsAsync(oldNext);
        Assert.Contains("Det skjemaet er avsluttet", staleAgain.Everything);
        Assert.DoesNotContain("Oppsummering", staleAgain.Everything);
        Assert.Contains("Oppsummering", (await chat.SubmitAsync(ValidCard())).Everything);
        Assert.Empty(await ReportsAsync(host, "1804"));
    }

    [Fact]
    public async Task An_old_time_slot_and_a_double_confirm_make_one_booking()
    {
        await using var host = BookingTestHost.Start();
        var office = await host.OfficeOfAsync("1804");
        await host.AddAdvisorAsync("Kari Rådgiver", office, Organisation.Statsforvalteren, (DayOfWeek.Wednesday, "09:00", "12:00"));
        var (_, user) = await host.AddContactAsync("Ola Kontakt", "1804");
        var chat = host.Conversation(user, channelId: "test");
        await chat.SayAsync("book");
        await chat.SubmitAsync(new JsonObject { ["action"] = "form.submit", ["form"] = "booking", ["with"] = "Statsforvalteren", ["topic"] = "plan", ["format"] = "teams", ["description"] = "Planarbeid" });
        var times = await chat.SubmitAsync(new JsonObject { ["action"] = "form.send", ["form"] = "booking" });
        var slots = Reply.ActionData(times.Cards.Single()).Where(d => (string?)d["action"] == "booking.slot").ToList();
        var summary = await chat.SubmitAsIsAsync(slots[0]);
        var confirm = summary.Button("Bekreft");

        Assert.Contains("Møtet er booket", (await chat.SubmitAsIsAsync(confirm)).Everything);
        Assert.Contains("Det skjemaet er avsluttet", (await chat.SubmitAsIsAsync(confirm)).Everything);
        Assert.Contains("Det skjemaet er avsluttet", (await chat.SubmitAsIsAsync(slots[1])).Everything);

        Assert.Equal(1, await host.WithDbAsync(db => db.Set<Booking>().CountAsync()));
    }

    [Theory]
    [InlineData("👎", -1)]
    [InlineData("ikke nyttig", -1)]
    [InlineData("👍", 1)]
    [InlineData("🙂", null)]
    [InlineData("?", null)]
    public async Task Typed_feedback_right_after_an_answer_is_stored_only_when_it_clearly_is_feedback(string typed, int? expected)
    {
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?> { ["Demo:Enabled"] = "false" });
        var chat = host.Conversation();
        await chat.SayAsync("Hva er de fem innsatsområdene?");
        var reply = await chat.SayAsync(typed);

        var entry = Assert.Single(await LogAsync(host));
        Assert.Equal(expected, entry.Feedback);
        if (expected is null) Assert.DoesNotContain("Takk", reply.Text);
    }

    [Fact]
    public async Task Feedback_buttons_rate_their_own_answer_even_mid_form_and_a_late_takk_rates_nothing()
    {
        await using var host = await StartAsync();
        await AddPeopleAsync(host);
        var chat = host.Conversation(user: BodoContact);
        var first = await chat.SayAsync("Hva er de fem innsatsområdene?");
        var thumbsDownFirst = first.Button("👎 Ikke nyttig");
        await chat.SayAsync("Hvor mange kommuner hadde kommet til fase 3?");
        await chat.SayAsync("rapporter status");

        // 👎 on the first answer, pressed while the report form is open: stored on that answer, the form waits.
        var rated = await chat.SubmitAsIsAsync(thumbsDownFirst);
        Assert.Contains("svaret ikke hjalp", rated.Text);
        var log = (await LogAsync(host)).OrderBy(e => e.AskedAt).ToList();
        Assert.Equal(-1, log[0].Feedback);
        Assert.Null(log[1].Feedback);
        Assert.Contains("Oppsummering", (await chat.SubmitAsync(ValidCard())).Everything);

        await chat.SayAsync("avbryt");
        await chat.SayAsync("takk");
        Assert.Null((await LogAsync(host)).OrderBy(e => e.AskedAt).Last().Feedback);
    }

    private static async Task<List<QuestionLogEntry>> LogAsync(BotHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LhlDbContext>().Set<QuestionLogEntry>().AsNoTracking().ToListAsync();
    }
}
