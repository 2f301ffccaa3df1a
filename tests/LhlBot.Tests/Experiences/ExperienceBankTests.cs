using System.Text.Json.Nodes;
using LhlBot.Experiences;
using LhlBot.Hosting;
using LhlBot.Storage;
using LhlBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static LhlBot.Tests.StatusReports.StatusTestHost;

namespace LhlBot.Tests.Experiences;

/// <summary>The experience bank through the real host: a measure one municipality reports is found by another's question.</summary>
public sealed class ExperienceBankTests
{
    private const string Meals = "Måltidsvenner: frivillige spiser middag sammen med eldre som bor alene";
    private const string Walks = "Turvenner som går med eldre i nærmiljøet to ganger i uka";

    private static async Task ReportAsync(TestConversation chat, string measures, string? share = null, string? contact = "ja", string areas = "mat-maltider,aktivitet-fellesskap")
    {
        await chat.SayAsync("rapporter status");
        var card = ValidCard();
        card["focusAreas"] = areas;
        card["measures"] = measures;
        if (share is not null) card["measuresShare"] = share;
        if (contact is not null) card["measuresContact"] = contact;
        Assert.Contains("Oppsummering", (await chat.SubmitAsync(card)).Everything);
        var receipt = await chat.SubmitAsync(Send());
        Assert.Contains("er sendt", receipt.Everything);
    }

    /// <summary>The data of the first button with this title on the reply's cards.</summary>
    private static JsonObject Button(Reply reply, string title) =>
        reply.Cards.SelectMany(Actions).First(a => (string?)a["title"] == title)["data"]!.AsObject();

    /// <summary>The data of the button with this title in the card container that shows the text.</summary>
    private static JsonObject ButtonNear(Reply reply, string text, string title) =>
        reply.Cards.SelectMany(Containers).Where(c => c["items"]!.AsArray().Any(i => ((string?)i?["text"])?.Contains(text) == true))
            .SelectMany(Actions).First(a => (string?)a["title"] == title)["data"]!.AsObject();

    private static IEnumerable<JsonObject> Containers(JsonNode? node) => node switch
    {
        JsonObject o when (string?)o["type"] == "Container" => [o],
        JsonObject o => o.SelectMany(kv => Containers(kv.Value)),
        JsonArray a => a.SelectMany(Containers),
        _ => [],
    };

    private static IEnumerable<JsonObject> Actions(JsonNode? node) => node switch
    {
        JsonObject o when (string?)o["type"] == "Action.Submit" => [o],
        JsonObject o => o.SelectMany(kv => Actions(kv.Value)),
        JsonArray a => a.SelectMany(Actions),
        _ => [],
    };

    [Fact]
    public async Task A_measure_reported_by_one_municipality_is_found_by_anothers_question_with_who_to_contact()
    {
        await using var host = await StartAsync();
        await AddPeopleAsync(host);
        var bodo = host.Conversation(user: BodoContact);
        await ReportAsync(bodo, Meals + "\n" + Walks);

        var narvik = host.Conversation(user: NarvikContact);
        var answer = await narvik.SayAsync("noen som har måltidsvenner?");
        Assert.Contains("fra erfaringsbanken", answer.Everything);
        Assert.Contains("Bodø (Nordland)", answer.Everything);
        Assert.Contains("**Måltidsvenner**", answer.Everything);
        Assert.DoesNotContain("Turvenner", answer.Everything); // the other measure does not meet the question

        var contact = await narvik.SubmitAsync(Button(answer, "Kontakt kommunen"));
        Assert.Contains("Kari Bodø", contact.Text);
        Assert.Contains("kari@bodo.kommune.no", contact.Text);

        // «Book møte om dette» opens booking with USHT and the measure's focus area filled in.
        var book = Button(answer, "Book møte om dette");
        Assert.Equal("USHT", (string?)book["prefill"]!["with"]);
        Assert.Equal("mat-maltider", (string?)book["prefill"]!["topic"]);

        var byArea = await narvik.SayAsync("Hva gjør andre kommuner med mat og måltider?");
        Assert.Contains("Måltidsvenner", byArea.Everything);
        var byPlace = await narvik.SayAsync("tiltak for aktivitet i Nordland");
        Assert.Contains("Turvenner", byPlace.Everything);
        var elsewhere = await narvik.SayAsync("tiltak for aktivitet i Agder");
        Assert.DoesNotContain("Turvenner", elsewhere.Everything);
    }

    [Fact]
    public async Task Without_consent_the_contact_is_not_shown_and_the_office_is_named_instead()
    {
        await using var host = await StartAsync();
        await AddPeopleAsync(host);
        await ReportAsync(host.Conversation(user: BodoContact), Meals, contact: null);

        var narvik = host.Conversation(user: NarvikContact);
        var answer = await narvik.SayAsync("noen som har måltidsvenner?");
        var contact = await narvik.SubmitAsync(Button(answer, "Kontakt kommunen"));
        Assert.DoesNotContain("Kari", contact.Text);
        Assert.Contains("Statsforvalteren i Nordland", contact.Text);
    }

    [Fact]
    public async Task A_measure_marked_ikke_del_is_seen_only_by_its_municipality_and_office_and_survives_a_correction()
    {
        await using var host = await StartAsync();
        await AddPeopleAsync(host);
        var bodo = host.Conversation(user: BodoContact);
        await ReportAsync(bodo, Meals + "\n" + Walks);

        var list = await bodo.SayAsync("erfaringsbanken");
        Assert.Contains("Måltidsvenner", list.Everything);
        var marked = await bodo.SubmitAsync(ButtonNear(list, "Måltidsvenner", "Ikke del"));
        Assert.Contains("ikke del", marked.Text);

        Assert.DoesNotContain("Måltidsvenner", (await host.Conversation(user: NarvikContact).SayAsync("noen som har måltidsvenner?")).Everything);
        Assert.DoesNotContain("Måltidsvenner", (await host.Conversation(user: AgderAdvisor).SayAsync("noen som har måltidsvenner?")).Everything);
        Assert.Contains("Måltidsvenner", (await host.Conversation(user: NordlandAdvisor).SayAsync("noen som har måltidsvenner?")).Everything);
        Assert.Contains("Måltidsvenner", (await bodo.SayAsync("noen som har måltidsvenner?")).Everything);

        // A corrected report that still lists the measure keeps it private; a measure it no longer lists is gone.
        await ReportAsync(bodo, Meals);
        Assert.DoesNotContain("Måltidsvenner", (await host.Conversation(user: NarvikContact).SayAsync("noen som har måltidsvenner?")).Everything);
        Assert.DoesNotContain("Turvenner", (await host.Conversation(user: NarvikContact).SayAsync("tiltak for aktivitet i Nordland")).Everything);
    }

    [Fact]
    public async Task An_advisor_adds_an_entry_from_a_meeting_edits_and_withdraws_it_and_others_cannot()
    {
        await using var host = await StartAsync();
        await AddPeopleAsync(host);
        var advisor = host.Conversation(user: NordlandAdvisor);
        await advisor.SayAsync("nytt tiltak");
        var summary = await advisor.SubmitAsync(new JsonObject
        {
            ["action"] = "form.submit", ["form"] = "experience",
            ["municipality"] = "Narvik", ["focusArea"] = "aktivitet-fellesskap",
            ["text"] = "Seniordans i kulturhuset hver fredag, drevet av frivillige", ["shared"] = "del",
            ["contactName"] = "Nils Narvik", ["contactEmail"] = "nils@narvik.kommune.no",
        });
        Assert.Contains("Oppsummering", summary.Everything);
        Assert.Contains("lagt i erfaringsbanken", (await advisor.SubmitAsync(new JsonObject { ["action"] = "form.send", ["form"] = "experience" })).Text);

        var bodo = host.Conversation(user: BodoContact);
        var found = await bodo.SayAsync("Hvem har seniordans?");
        Assert.Contains("Narvik (Nordland)", found.Everything);
        Assert.Contains("Nils Narvik", (await bodo.SubmitAsync(Button(found, "Kontakt kommunen"))).Text);

        // A contact cannot edit or withdraw; an advisor of another office cannot either.
        var id = (int)Button(found, "Kontakt kommunen")["entry"]!;
        Assert.Contains("Bare rådgivere", (await bodo.SubmitAsync(new JsonObject { ["action"] = "experiences.withdraw", ["entry"] = id })).Text);
        Assert.Contains("Bare rådgivere", (await host.Conversation(user: AgderAdvisor).SubmitAsync(new JsonObject { ["action"] = "experiences.withdraw", ["entry"] = id })).Text);

        await advisor.SubmitAsync(new JsonObject { ["action"] = "experiences.edit", ["entry"] = id });
        await advisor.SubmitAsync(new JsonObject
        {
            ["action"] = "form.submit", ["form"] = "experience",
            ["municipality"] = "Narvik", ["focusArea"] = "aktivitet-fellesskap",
            ["text"] = "Seniordans og linedans i kulturhuset hver fredag", ["shared"] = "del",
        });
        Assert.Contains("oppdatert", (await advisor.SubmitAsync(new JsonObject { ["action"] = "form.send", ["form"] = "experience" })).Text);
        Assert.Contains("linedans", (await bodo.SayAsync("Hvem har seniordans?")).Everything);

        Assert.Contains("trukket tilbake", (await advisor.SubmitAsync(new JsonObject { ["action"] = "experiences.withdraw", ["entry"] = id })).Text);
        Assert.DoesNotContain("linedans", (await bodo.SayAsync("Hvem har seniordans?")).Everything);
    }

    [Fact]
    public async Task An_advisor_cannot_add_an_entry_for_a_municipality_outside_the_office()
    {
        await using var host = await StartAsync();
        await AddPeopleAsync(host);
        var advisor = host.Conversation(user: AgderAdvisor);
        await advisor.SayAsync("nytt tiltak");
        await advisor.SubmitAsync(new JsonObject
        {
            ["action"] = "form.submit", ["form"] = "experience",
            ["municipality"] = "Bodø", ["text"] = "Et tiltak som ikke hører til Agder i det hele tatt", ["shared"] = "del",
        });
        Assert.Contains("Ingenting er lagret", (await advisor.SubmitAsync(new JsonObject { ["action"] = "form.send", ["form"] = "experience" })).Text);
        await using var scope = host.Services.CreateAsyncScope();
        Assert.Empty(scope.ServiceProvider.GetRequiredService<LhlDbContext>().Set<Experience>());
    }

    [Fact]
    public async Task The_csv_export_for_usht_has_every_active_entry_and_says_which_are_shared()
    {
        await using var host = await StartAsync();
        await AddPeopleAsync(host);
        var bodo = host.Conversation(user: BodoContact);
        await ReportAsync(bodo, Meals + "; " + Walks, share: "ikke-del");

        var command = host.Services.GetServices<ICliCommand>().Single(c => c.Name == "experiences export");
        var output = new StringWriter();
        Assert.Equal(0, await command.RunAsync(["--office", "Nordland"], TextReader.Null, output, CancellationToken.None));
        var lines = output.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Id;Kommunenummer;Kommune", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.All(lines[1..], l => Assert.Contains(";1804;Bodø;Nordland;", l));
        Assert.All(lines[1..], l => Assert.Contains(";Nei;Statusrapport;Kari Bodø;kari@bodo.kommune.no;", l));

        output = new StringWriter();
        await command.RunAsync(["--shared-only"], TextReader.Null, output, CancellationToken.None);
        Assert.Single(output.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(1, await command.RunAsync(["--office", "Atlantis"], TextReader.Null, new StringWriter(), CancellationToken.None));
    }

    [Fact]
    public async Task The_demo_shows_a_newcomer_measures_from_named_municipalities()
    {
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?> { ["Demo:Enabled"] = "true" });
        var chat = host.Conversation(user: new TestUser("29:demo", "Demo Kontaktperson", "00000000-0000-0000-0000-000000000001"));
        var answer = await chat.SayAsync("Hva gjør andre kommuner med mat og måltider?");
        Assert.Contains("Alstahaug (Nordland)", answer.Everything);
        Assert.Contains("Måltidsvenner", answer.Everything);
    }
}
