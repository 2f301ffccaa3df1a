using System.Diagnostics;
using System.Text.Json.Nodes;
using LhlBot.Bookings;
using LhlBot.Bookings.Reminders;
using LhlBot.People;
using LhlBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace LhlBot.Tests.Bookings;

public sealed class BookingConversationTests(ITestOutputHelper output)
{
    private const string Bodo = "1804";

    private static async Task<BookingConversation> ToTimesAsync(BookingTestHost host, TestUser user)
    {
        var chat = host.Conversation(user);
        await chat.SayAsync("book");
        await chat.SayAsync("Statsforvalteren");
        await chat.SayAsync("Mat og måltider");
        await chat.SayAsync("Teams");
        await chat.SayAsync("Vi vil ha råd om måltidsvertordning.");
        return chat;
    }

    private static Task<int> ActiveBookingsAsync(BookingTestHost host) =>
        host.WithDbAsync(db => db.Set<Booking>().CountAsync(b => b.Status == BookingStatus.Booked));

    [Fact]
    public async Task A_contact_books_in_plain_text_and_the_advisor_gets_the_message_and_the_invitation()
    {
        await using var host = BookingTestHost.Start();
        var office = await host.OfficeOfAsync(Bodo);
        var advisor = await host.AddAdvisorAsync("Kari Rådgiver", office, Organisation.Statsforvalteren, (DayOfWeek.Wednesday, "09:00", "11:00"));
        var (contact, user) = await host.AddContactAsync("Ola Kontakt", Bodo);

        var chat = await ToTimesAsync(host, user);
        var times = await chat.SayAsync("send");
        Assert.Contains("1. onsdag 4. mars kl. 09:00–10:00", times.Text);
        Assert.Contains("flere", times.Text);

        var more = await chat.SayAsync("flere");
        Assert.Contains("Flere ledige tider", more.Text);
        var fromDate = await chat.SayAsync("etter 15. mars");
        Assert.Contains("1. onsdag 18. mars kl. 09:00–10:00", fromDate.Text);

        var summary = await chat.SayAsync("1");
        Assert.Contains("Se over og bekreft", summary.Text);
        var done = await chat.SayAsync("bekreft");
        Assert.Contains("Møtet er booket", done.Text);
        var ics = done.Activities.SelectMany(a => a.Attachments ?? []).Single(a => a.ContentType == "text/calendar");
        Assert.Equal("veiledningsmote.ics", ics.Name);
        Assert.Contains("TZID=Europe/Oslo:20260318T090000", (string?)ics.Content);

        var toAdvisor = Assert.Single(host.Messenger.To(advisor.Id));
        Assert.Contains("Ny avtale", toAdvisor.Text);
        Assert.Contains(toAdvisor.Attachments!, a => a.ContentType == "text/calendar");
        Assert.Empty(host.Messenger.To(contact.Id));
        Assert.Equal(1, await ActiveBookingsAsync(host));
    }

    [Fact]
    public async Task A_contact_books_with_cards_then_reschedules_and_cancels_and_the_advisor_is_told_each_time()
    {
        await using var host = BookingTestHost.Start();
        var office = await host.OfficeOfAsync(Bodo);
        var advisor = await host.AddAdvisorAsync("Kari Rådgiver", office, Organisation.Statsforvalteren, (DayOfWeek.Wednesday, "09:00", "11:00"));
        var (_, user) = await host.AddContactAsync("Ola Kontakt", Bodo);
        var chat = host.Conversation(user, channelId: "test");

        var form = await chat.SayAsync("book");
        Assert.Contains("Hvem vil du møte?", form.Everything);
        await chat.SubmitAsync(new JsonObject { ["action"] = "form.submit", ["form"] = "booking", ["with"] = "Statsforvalteren", ["topic"] = "plan", ["format"] = "fysisk", ["place"] = "Rådhuset", ["description"] = "Planarbeid" });
        var times = await chat.SubmitAsync(new JsonObject { ["action"] = "form.send", ["form"] = "booking" });
        var slot = FindAction(times, "booking.slot");
        await chat.SubmitAsync(slot);
        var done = await chat.SubmitAsync(new JsonObject { ["action"] = "booking.confirm" });
        Assert.Contains("Møtet er booket", done.Everything);
        Assert.Contains("Rådhuset", done.Everything);
        var id = await host.WithDbAsync(db => db.Set<Booking>().Select(b => b.Id).SingleAsync());

        // Move it to the next free time.
        var moveTimes = await chat.SubmitAsync(new JsonObject { ["action"] = BookingFeature.MoveAction, ["booking"] = id.ToString() });
        Assert.Contains("Flytt avtalen", moveTimes.Everything);
        var slots = AllActions(moveTimes, "booking.slot");
        await chat.SubmitAsync(slots[1]);
        var moved = await chat.SubmitAsync(new JsonObject { ["action"] = "booking.confirm" });
        Assert.Contains("Avtalen er flyttet", moved.Everything);
        var booking = await host.WithDbAsync(db => db.Set<Booking>().SingleAsync());
        Assert.Equal(1, booking.Sequence);
        Assert.Equal(9, LhlBot.Bookings.Slots.SlotFinder.ToOslo(booking.StartUtc).Hour);
        Assert.Equal(30, LhlBot.Bookings.Slots.SlotFinder.ToOslo(booking.StartUtc).Minute);

        // Mine avtaler, then cancel.
        var mine = await chat.SubmitAsync(new JsonObject { ["action"] = BookingFeature.MineAction });
        Assert.Contains("Mine avtaler", mine.Everything);
        await chat.SubmitAsync(new JsonObject { ["action"] = BookingFeature.CancelAction, ["booking"] = id.ToString() });
        var cancelled = await chat.SayAsync("ja");
        Assert.Contains("Avtalen er avlyst", cancelled.Everything);
        Assert.Contains("METHOD:CANCEL", (string?)cancelled.Activities.SelectMany(a => a.Attachments ?? []).Single(a => a.ContentType == "text/calendar").Content);

        var toAdvisor = host.Messenger.To(advisor.Id).Select(a => a.Text).ToList();
        Assert.Equal(3, toAdvisor.Count);
        Assert.Contains("Ny avtale", toAdvisor[0]);
        Assert.Contains("flyttet", toAdvisor[1]);
        Assert.Contains("avlyst", toAdvisor[2]);
        Assert.Equal(0, await ActiveBookingsAsync(host));
        Assert.Equal(0, await host.WithDbAsync(db => db.Set<AdvisorSlotClaim>().CountAsync()));
    }

    [Fact]
    public async Task An_advisor_cancels_from_mine_avtaler_and_the_contact_is_told()
    {
        await using var host = BookingTestHost.Start();
        var office = await host.OfficeOfAsync(Bodo);
        var advisor = await host.AddAdvisorAsync("Kari Rådgiver", office, Organisation.Statsforvalteren, (DayOfWeek.Wednesday, "09:00", "11:00"));
        var (contact, user) = await host.AddContactAsync("Ola Kontakt", Bodo);
        var chat = await ToTimesAsync(host, user);
        await chat.SayAsync("send");
        await chat.SayAsync("1");
        await chat.SayAsync("bekreft");

        var advisorUser = new TestUser("29:" + advisor.AadObjectId, advisor.Name, advisor.AadObjectId);
        var advisorChat = host.Conversation(advisorUser);
        var list = await advisorChat.SayAsync("mine avtaler");
        Assert.Contains("Bodø", list.Text);
        await advisorChat.SayAsync("avlys 1");
        var done = await advisorChat.SayAsync("ja");
        Assert.Contains("avlyst", done.Text);
        Assert.Contains("avlyst", Assert.Single(host.Messenger.To(contact.Id)).Text);
    }

    [Fact]
    public async Task A_contact_sees_and_changes_only_bookings_of_their_own_municipality()
    {
        await using var host = BookingTestHost.Start();
        var office = await host.OfficeOfAsync(Bodo);
        await host.AddAdvisorAsync("Kari Rådgiver", office, Organisation.Statsforvalteren, (DayOfWeek.Wednesday, "09:00", "11:00"));
        var (_, bodo) = await host.AddContactAsync("Ola Bodø", Bodo);
        var other = await host.WithDbAsync(db => db.Set<LhlBot.Municipalities.Municipality>().Where(m => m.OfficeId == office && m.Number != Bodo).Select(m => m.Number).FirstAsync());
        var (_, neighbour) = await host.AddContactAsync("Eva Nabo", other);
        var chat = await ToTimesAsync(host, bodo);
        await chat.SayAsync("send");
        await chat.SayAsync("1");
        await chat.SayAsync("bekreft");
        var id = await host.WithDbAsync(db => db.Set<Booking>().Select(b => b.Id).SingleAsync());

        var nabo = host.Conversation(neighbour, channelId: "test");
        var list = await nabo.SayAsync("mine avtaler");
        Assert.Contains("ingen kommende avtaler", list.Text);
        var cancel = await nabo.SubmitAsync(new JsonObject { ["action"] = BookingFeature.CancelAction, ["booking"] = id.ToString() });
        Assert.Contains("finner ingen slik avtale", cancel.Text);
        var move = await nabo.SubmitAsync(new JsonObject { ["action"] = BookingFeature.MoveAction, ["booking"] = id.ToString() });
        Assert.Contains("ingen aktiv avtale", move.Text);
        Assert.Equal(1, await ActiveBookingsAsync(host));

        var stranger = host.Conversation(new TestUser("29:x", "Ukjent", Guid.NewGuid().ToString()));
        Assert.Contains("kontaktperson", (await stranger.SayAsync("book")).Text);
    }

    [Fact]
    public async Task Many_contacts_confirming_the_last_free_time_at_once_yield_exactly_one_booking_across_two_bot_instances()
    {
        var settings = new Dictionary<string, string?> { ["Bookings:HorizonWeeks"] = "1" }; // only Wednesday 4 March 09:00 exists
        await using var first = BookingTestHost.Start(settings);
        await using var second = BookingTestHost.Start(settings, folder: first.DataFolder, clock: first.Clock);
        var office = await first.OfficeOfAsync(Bodo);
        await first.AddAdvisorAsync("Kari Rådgiver", office, Organisation.Statsforvalteren, (DayOfWeek.Wednesday, "09:00", "10:00"));

        const int contenders = 16;
        var chats = new List<BookingConversation>();
        for (var i = 0; i < contenders; i++)
        {
            var (_, user) = await first.AddContactAsync($"Kontakt {i}", Bodo);
            var chat = await ToTimesAsync(i % 2 == 0 ? first : second, user);
            var times = await chat.SayAsync("send");
            Assert.Contains("1. onsdag 4. mars kl. 09:00–10:00", times.Text);
            await chat.SayAsync("1");
            chats.Add(chat);
        }

        var watch = Stopwatch.StartNew();
        var replies = await Task.WhenAll(chats.Select(c => Task.Run(() => c.SayAsync("bekreft"))));
        watch.Stop();
        output.WriteLine($"{contenders} simultaneous confirmations on one slot, two hosts on one SQLite file: {watch.ElapsedMilliseconds} ms in all, {watch.Elapsed.TotalMilliseconds / contenders:F1} ms per attempt.");

        Assert.Single(replies, r => r.Text.Contains("Møtet er booket"));
        Assert.Equal(contenders - 1, replies.Count(r => r.Text.Contains("ble nettopp tatt av noen andre") && r.Text.Contains("ingen ledige tider")));
        Assert.Equal(1, await ActiveBookingsAsync(first));
        // Cells 09:00, 09:30 and 10:00: the meeting and its 15-minute buffer.
        Assert.Equal(3, await first.WithDbAsync(db => db.Set<AdvisorSlotClaim>().CountAsync()));
    }

    [Fact]
    public async Task The_reminder_goes_out_once_the_day_before_even_with_two_instances()
    {
        await using var host = BookingTestHost.Start();
        await using var other = BookingTestHost.Start(folder: host.DataFolder, clock: host.Clock);
        var office = await host.OfficeOfAsync(Bodo);
        var advisor = await host.AddAdvisorAsync("Kari Rådgiver", office, Organisation.Statsforvalteren, (DayOfWeek.Wednesday, "09:00", "11:00"));
        var (contact, user) = await host.AddContactAsync("Ola Kontakt", Bodo);
        var chat = await ToTimesAsync(host, user);
        await chat.SayAsync("send");
        await chat.SayAsync("1");
        await chat.SayAsync("bekreft");

        var jobs = new[] { host, other }.Select(h => h.Services.GetRequiredService<ReminderJob>()).ToList();
        Assert.Equal(0, await jobs[0].RunOnceAsync(CancellationToken.None)); // Monday: the meeting is on Wednesday
        host.Clock.Now = new DateTimeOffset(2026, 3, 3, 15, 0, 0, TimeSpan.Zero); // Tuesday afternoon
        var sent = await Task.WhenAll(jobs.Select(j => j.RunOnceAsync(CancellationToken.None)));
        Assert.Equal(1, sent.Sum());
        Assert.Contains("Påminnelse", Assert.Single(host.Messenger.To(contact.Id).Concat(other.Messenger.To(contact.Id))).Text);
        Assert.Single(host.Messenger.To(advisor.Id).Where(a => a.Text!.Contains("Påminnelse")).Concat(other.Messenger.To(advisor.Id)));
    }

    [Fact]
    public async Task A_reminder_the_connector_refuses_is_not_marked_sent_and_is_tried_again_later()
    {
        // A production bot (app id, default allow-list): the stored serviceUrl is no Teams host, so the send is refused.
        await using var host = BookingTestHost.Start(
            settings: new Dictionary<string, string?> { ["MicrosoftAppId"] = "11111111-2222-3333-4444-555555555555", ["MicrosoftAppPassword"] = "secret" },
            services: s => s.AddSingleton<IProactiveMessenger, CloudAdapterMessenger>());
        var office = await host.OfficeOfAsync(Bodo);
        await host.AddAdvisorAsync("Kari Rådgiver", office, Organisation.Statsforvalteren, (DayOfWeek.Wednesday, "09:00", "11:00"));
        var (_, user) = await host.AddContactAsync("Ola Kontakt", Bodo);
        var chat = await ToTimesAsync(host, user);
        await chat.SayAsync("send");
        await chat.SayAsync("1");
        await chat.SayAsync("bekreft");
        var job = host.Services.GetRequiredService<ReminderJob>();
        host.Clock.Now = new DateTimeOffset(2026, 3, 3, 15, 0, 0, TimeSpan.Zero); // Tuesday afternoon

        Assert.Equal(0, await job.RunOnceAsync(CancellationToken.None));
        var booking = await host.WithDbAsync(db => db.Set<Booking>().SingleAsync());
        Assert.Null(booking.ReminderClaimedUtc);
        Assert.Equal(1, booking.ReminderAttempts);

        // Not again at once: the retry waits (5 minutes, then 10, …).
        Assert.Equal(0, await job.RunOnceAsync(CancellationToken.None));
        Assert.Equal(1, (await host.WithDbAsync(db => db.Set<Booking>().SingleAsync())).ReminderAttempts);
        host.Clock.Now = host.Clock.Now.AddMinutes(6);
        await job.RunOnceAsync(CancellationToken.None);
        Assert.Equal(2, (await host.WithDbAsync(db => db.Set<Booking>().SingleAsync())).ReminderAttempts);
    }

    private static JsonObject FindAction(Reply reply, string action) => AllActions(reply, action)[0];

    private static List<JsonObject> AllActions(Reply reply, string action) =>
        reply.Cards.SelectMany(c => c.ToJsonString().Length > 0 ? Walk(c) : [])
            .OfType<JsonObject>()
            .Where(o => (string?)o["action"] == action)
            .Select(o => (JsonObject)o.DeepClone())
            .ToList();

    private static IEnumerable<JsonNode?> Walk(JsonNode? node)
    {
        yield return node;
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, v) in o) foreach (var n in Walk(v)) yield return n;
                break;
            case JsonArray a:
                foreach (var v in a) foreach (var n in Walk(v)) yield return n;
                break;
        }
    }
}
