using System.Text.Json.Nodes;
using LhlBot.Bookings;
using LhlBot.People;
using LhlBot.StatusReports;
using LhlBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static LhlBot.Tests.StatusReports.StatusTestHost;

namespace LhlBot.Tests.StatusReports;

/// <summary>The summaries name the municipalities behind each figure, count dialogue meetings from the bookings, and open a report.</summary>
public sealed class SummaryWhoTests
{
    [Fact]
    public async Task The_office_summary_names_who_is_behind_each_figure_with_dialogue_meetings_from_bookings_and_opens_a_report()
    {
        await using var host = await StartAsync();
        await AddPeopleAsync(host);
        var bodo = host.Conversation(user: BodoContact);
        await bodo.SayAsync("rapporter status");
        await bodo.SubmitAsync(ValidCard());
        await bodo.SubmitAsync(Send());

        string round;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LhlDbContext>();
            round = scope.ServiceProvider.GetRequiredService<ReportingCalendar>().InForce()!.Id;
            var booker = await db.Set<Person>().SingleAsync(p => p.AadObjectId == BodoContact.AadObjectId);
            var office = scope.ServiceProvider.GetRequiredService<RegistryLookup>().FindOffice("Nordland").Match!.Id;
            var now = DateTime.UtcNow;
            Booking Meeting(string municipality, BookingStatus status) => new()
            {
                Id = Guid.NewGuid(), MunicipalityNumber = municipality, OfficeId = office, With = MeetingWith.Joint, Topic = "plan", Format = "teams",
                StartUtc = now.AddHours(-2), EndUtc = now.AddHours(-1), Status = status, BookedByPersonId = booker.Id, CreatedUtc = now.AddDays(-7),
            };
            db.Add(Meeting("1806", BookingStatus.Booked));     // Narvik: offered and held
            db.Add(Meeting("1804", BookingStatus.Cancelled));  // Bodø: offered, not held
            var notJoint = Meeting("1820", BookingStatus.Booked);
            db.Add(new Booking
            {
                Id = Guid.NewGuid(), MunicipalityNumber = "1820", OfficeId = office, With = MeetingWith.KS, Topic = "plan", Format = "teams",
                StartUtc = notJoint.StartUtc, EndUtc = notJoint.EndUtc, Status = BookingStatus.Booked, BookedByPersonId = booker.Id, CreatedUtc = now,
            });
            await db.SaveChangesAsync();
        }

        var advisor = host.Conversation(user: NordlandAdvisor);
        var summary = await advisor.SayAsync("oppsummering " + round);
        var card = Assert.Single(summary.Cards);
        var json = card.ToJsonString(LhlBot.Protocol.ProtocolJson.Options);
        Assert.Contains("1 av 41 kommuner har rapportert", json);
        Assert.Contains("2 kommuner har fått tilbud om dialogmøte med Statsforvalteren, KS og USHT i perioden, og 1 har hatt det", json);
        Assert.Contains("1 kommune er invitert til læringsnettverk", json);
        Assert.DoesNotMatch(@"(?<!\d)1 kommuner", json);
        Assert.Matches(@"\*\*Holdt \(1\):\*\* \[Narvik\]\(https://www\.ressursportal\.no/styringsdata\?kommune=1806\)", json);
        Assert.Contains("**Tilbudt (2):** [Bodø](https://www.ressursportal.no/styringsdata?kommune=1804), [Narvik]", json);
        Assert.Contains("**Politisk vedtatt (1):** [Bodø]", json);
        Assert.Contains("**Mat og måltider (1):** [Bodø]", json);
        // Folded by default: the names sit in hidden containers that a toggle opens.
        var hidden = Containers(card).Where(c => (bool?)c["isVisible"] == false).ToList();
        Assert.NotEmpty(hidden);
        Assert.All(hidden, c => Assert.Contains(Toggles(card), t => t == (string?)c["id"]));
        Assert.Contains(hidden, c => c.ToJsonString().Contains("kommune=1806"));

        // A municipality's report opens from the summary for the office; not for another office.
        var opened = await advisor.SubmitAsync(new JsonObject { ["action"] = "status.open", ["round"] = round, ["municipality"] = "1804" });
        Assert.Contains("Bodø – rapport per", opened.Everything);
        Assert.Contains("Politisk vedtatt", opened.Everything);
        Assert.DoesNotContain("Rett eller send ny rapport", opened.Everything);
        var refused = await host.Conversation(user: AgderAdvisor).SayAsync("vis rapporten for Bodø");
        Assert.Contains("ikke tilgang", refused.Text);
        Assert.Contains("ikke rapportert", (await advisor.SayAsync("vis rapporten for Narvik")).Text);
    }

    [Fact]
    public async Task The_plain_text_summary_lists_the_names_and_says_1_kommune()
    {
        await using var host = await StartAsync();
        await AddPeopleAsync(host);
        var bodo = host.Conversation(user: BodoContact);
        await bodo.SayAsync("rapporter status");
        var card = ValidCard();
        card["helpWanted"] = "Hjelp med medvirkning";
        await bodo.SubmitAsync(card);
        await bodo.SubmitAsync(Send());
        string round;
        await using (var scope = host.Services.CreateAsyncScope()) round = scope.ServiceProvider.GetRequiredService<ReportingCalendar>().InForce()!.Id;

        var text = (await host.Conversation(channelId: "text", user: NordlandAdvisor).SayAsync("oppsummering " + round)).Text;
        Assert.Contains("1 kommune ønsker hjelp fra støtteapparatet", text);
        Assert.Contains("  - Ønsker hjelp: Bodø", text);
        Assert.Contains("40 kommuner har ikke rapportert ennå", text);
        Assert.Contains("  - Ikke rapportert: 40 kommuner (se kortet", text);
        Assert.DoesNotMatch(@"(?<!\d)1 kommuner", text);
    }

    private static IEnumerable<JsonObject> Containers(JsonNode? node) => node switch
    {
        JsonObject o when (string?)o["type"] == "Container" => o.SelectMany(kv => Containers(kv.Value)).Prepend(o),
        JsonObject o => o.SelectMany(kv => Containers(kv.Value)),
        JsonArray a => a.SelectMany(Containers),
        _ => [],
    };

    private static IEnumerable<string?> Toggles(JsonNode? node) => node switch
    {
        JsonObject o when (string?)o["type"] == "Action.ToggleVisibility" => o["targetElements"]!.AsArray().Select(t => (string?)t),
        JsonObject o => o.SelectMany(kv => Toggles(kv.Value)),
        JsonArray a => a.SelectMany(Toggles),
        _ => [],
    };
}
