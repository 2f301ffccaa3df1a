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

/// <summary>Issue 18, item 1: free text reaches the right job through the real host, with what it names filled in.</summary>
public sealed class RequestRoutingTests
{
    private const string Bodo = "1804";

    [Theory]
    [InlineData("Jeg vil gjerne bestille et veiledningsmøte")]
    [InlineData("bestill veiledningsmøte")]
    [InlineData("eg vil tinge eit rettleiingsmøte")]
    [InlineData("bestile veiledningsmøte")]
    public async Task A_request_to_book_written_freely_opens_the_booking_form(string text)
    {
        await using var host = BookingTestHost.Start();
        var office = await host.OfficeOfAsync(Bodo);
        await host.AddAdvisorAsync("Kari Rådgiver", office, Organisation.Statsforvalteren, (DayOfWeek.Wednesday, "09:00", "11:00"));
        var (_, user) = await host.AddContactAsync("Ola Kontakt", Bodo);

        var reply = await host.Conversation(user, channelId: "test").SayAsync(text);

        Assert.Contains("Hvem vil du møte?", reply.Everything);
        Assert.DoesNotContain("Svar på", reply.Everything);
    }

    [Fact]
    public async Task Mote_med_KS_i_uke_12_opens_booking_with_KS_chosen_and_times_from_that_week()
    {
        await using var host = BookingTestHost.Start();
        var office = await host.OfficeOfAsync(Bodo);
        await host.AddAdvisorAsync("Kari KS", office, Organisation.KS, (DayOfWeek.Wednesday, "09:00", "11:00"));
        var (_, user) = await host.AddContactAsync("Ola Kontakt", Bodo);
        var chat = host.Conversation(user, channelId: "test");

        var form = await chat.SayAsync("kan vi få et møte med KS i uke 12?");
        var with = form.Cards.SelectMany(c => Descendants(c)).First(o => (string?)o["id"] == "with");
        Assert.Equal("KS", (string?)with["value"]);

        await chat.SubmitAsync(new JsonObject { ["action"] = "form.submit", ["form"] = "booking", ["with"] = "KS", ["topic"] = "plan", ["format"] = "teams", ["description"] = "Plan" });
        var times = await chat.SubmitAsync(new JsonObject { ["action"] = "form.send", ["form"] = "booking" });
        Assert.Contains("fra mandag 16. mars", times.Everything);
        var first = Reply.ActionData(times.Cards.Single()).First(d => (string?)d["action"] == "booking.slot");
        Assert.StartsWith("2026-03-18", (string?)first["start"]);   // Wednesday of week 12, not this week's
    }

    [Fact]
    public async Task A_question_that_mentions_a_jobs_word_stays_a_question()
    {
        await using var host = BookingTestHost.Start();
        var (_, user) = await host.AddContactAsync("Ola Kontakt", Bodo);
        var reply = await host.Conversation(user, channelId: "test").SayAsync("Hva er et veiledningsmøte?");

        Assert.DoesNotContain("Hvem vil du møte?", reply.Everything);
        Assert.DoesNotContain("Mente du", reply.Everything);
        Assert.Single(await host.WithDbAsync(db => db.Set<QuestionLogEntry>().ToListAsync()));
    }

    [Fact]
    public async Task When_request_and_question_are_close_the_bot_asks_Mente_du_and_yes_starts_the_job()
    {
        // Thresholds set so that this request lands between «start» and «question», as a vaguer one would.
        await using var host = BookingTestHost.Start(new Dictionary<string, string?> { ["Requests:StartScore"] = "1.5", ["Requests:AskScore"] = "0.2" });
        var office = await host.OfficeOfAsync(Bodo);
        await host.AddAdvisorAsync("Kari Rådgiver", office, Organisation.Statsforvalteren, (DayOfWeek.Wednesday, "09:00", "11:00"));
        var (_, user) = await host.AddContactAsync("Ola Kontakt", Bodo);

        var cards = host.Conversation(user, channelId: "test");
        var asked = await cards.SayAsync("vi ønsker et møte med USHT");
        Assert.Contains("Mente du å booke et veiledningsmøte?", asked.Everything);
        var no = asked.Button("Nei, søk i dokumentene");
        var answered = await cards.SubmitAsIsAsync(no);
        Assert.DoesNotContain("Hvem vil du møte?", answered.Everything);
        Assert.Contains("vi ønsker et møte med USHT", answered.Everything);   // answered (or declined) as the question it was
        var yes = asked.Button("Ja, å booke et veiledningsmøte");
        Assert.Equal("USHT", (string?)yes["with"]);
        Assert.Contains("Hvem vil du møte?", (await cards.SubmitAsIsAsync(yes)).Everything);

        var text = host.Conversation(user, channelId: "text");
        Assert.Contains("Mente du å booke et veiledningsmøte? Svar «ja»", (await text.SayAsync("vi ønsker et møte med USHT")).Text);
        Assert.Contains("Hvem vil du møte?", (await text.SayAsync("ja")).Text);
        Assert.Empty(await host.WithDbAsync(db => db.Set<QuestionLogEntry>().Where(q => q.Question.Contains("USHT") && !q.Answered && q.ConversationId == text.Id).ToListAsync()));
    }

    [Fact]
    public async Task A_bare_municipality_answers_which_municipality_and_is_not_logged_as_a_question()
    {
        await using var host = await StartAsync();
        await ImportAsync(host, ImportKind.Contacts,
            "municipality;name;email;aadObjectId\n" +
            $"1804;Kari Bodø;kari@bodo.kommune.no;{BodoContact.AadObjectId}\n" +
            $"1806;Kari Bodø;kari@bodo.kommune.no;{BodoContact.AadObjectId}\n");
        var chat = host.Conversation(channelId: "text", user: BodoContact);

        Assert.Contains("Hvilken kommune vil du rapportere for?", (await chat.SayAsync("Vi vil rapportere status")).Text);
        var form = await chat.SayAsync("Narvik");

        Assert.Contains("Statusrapport for Narvik", form.Text);
        await using var scope = host.Services.CreateAsyncScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<LhlDbContext>().Set<QuestionLogEntry>().ToListAsync());
    }

    [Fact]
    public async Task A_number_picks_the_numbered_menu_item_in_plain_text_and_meny_in_a_dialog_shows_the_menu()
    {
        await using var host = await StartAsync();
        await AddPeopleAsync(host);
        var chat = host.Conversation(channelId: "text", user: BodoContact);

        var menu = await chat.SayAsync("meny");
        Assert.Contains("1. **Rapporter status**", menu.Text);
        Assert.Contains("Status for planarbeidet", (await chat.SayAsync("1")).Text);

        // Inside the report: «meny» shows the menu; «fortsett» goes back; a number from it leaves the report.
        var inDialog = await chat.SayAsync("meny");
        Assert.Contains("1. **Rapporter status**", inDialog.Text);
        Assert.Contains("Status for planarbeidet", (await chat.SayAsync("fortsett")).Text);
        await chat.SayAsync("meny");
        var picked = await chat.SayAsync("2");
        Assert.Contains("har ikke rapportert ennå", picked.Text);   // «Se rapporten vår»
        Assert.Contains("Det er ingenting å avbryte", (await chat.SayAsync("avbryt")).Text);
    }

    [Fact]
    public async Task A_new_contact_introducing_herself_with_her_municipality_is_offered_to_register_for_it()
    {
        await using var host = await StartAsync();
        var chat = host.Conversation(channelId: "text", user: Stranger);

        var reply = await chat.SayAsync("Hei, jeg er ny kontaktperson for Leve hele livet i Vågan kommune");

        Assert.Contains("Vil du melde deg som kontaktperson for Leve hele livet i Vågan kommune?", reply.Text);
        Assert.DoesNotContain("Svar på", reply.Text);
    }

    [Fact]
    public async Task The_routing_eval_verb_measures_a_set_and_prints_the_aggregates()
    {
        await using var host = await StartAsync();
        var file = Path.Combine(host.DataFolder, "set.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            """{"id":"1","text":"bestill et veiledningsmøte med KS","expect":"book","entities":{"organisation":"KS"},"kind":"request"}""",
            """{"id":"2","text":"Hva er et veiledningsmøte?","expect":"question","kind":"lookalike"}""",
            """{"id":"3","text":"mine avtaler","expect":"summary","kind":"request"}""",
        ]);
        var command = host.Services.GetServices<LhlBot.Hosting.ICliCommand>().Single(c => c.Name == "routing eval");
        var output = new StringWriter();

        Assert.Equal(0, await command.RunAsync([file], TextReader.Null, output, CancellationToken.None));
        var text = output.ToString();
        Assert.Contains("Rutet riktig: 66.7 % (2/3)", text);
        Assert.Contains("lookalike: 100.0 % (1/1)", text);
        Assert.Contains("Forespørsler besvart som reformspørsmål: 0 av 2", text);
        Assert.Contains("Feil jobb startet: 1", text);
        Assert.DoesNotContain("mine avtaler", text);   // aggregates only, unless --verbose
    }

    private static IEnumerable<JsonObject> Descendants(JsonNode? node) => node switch
    {
        JsonObject o => new[] { o }.Concat(o.SelectMany(kv => Descendants(kv.Value))),
        JsonArray a => a.SelectMany(Descendants),
        _ => [],
    };
}
