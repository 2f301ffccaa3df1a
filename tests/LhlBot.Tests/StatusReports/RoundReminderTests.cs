using System.Text.Json.Nodes;
using LhlBot.People;
using LhlBot.Protocol;
using LhlBot.StatusReports;
using LhlBot.StatusReports.Reminders;
using LhlBot.Tests.Bookings;
using LhlBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LhlBot.Tests.StatusReports;

/// <summary>Round reminders through the real host on a fake clock: once per person per step, across restarts and instances, stopping when the report is in.</summary>
public sealed class RoundReminderTests
{
    /// <summary>Friday 1 May 2026: the 2026-05 round's deadline is 15 May, so the «14 days before» step is due.</summary>
    private static readonly DateTimeOffset FourteenDaysBefore = new(2026, 5, 1, 7, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, string?> Settings = new() { ["StatusReports:Reminders:IntervalMinutes"] = "0" };

    private static Task<int> RunAsync(BookingTestHost host) => host.Services.GetRequiredService<RoundReminderJob>().RunOnceAsync(CancellationToken.None);

    private static IEnumerable<JsonObject> Buttons(Activity activity) =>
        (activity.Attachments ?? []).SelectMany(a => Reply.ActionData(a.Content!.AsObject()));

    [Fact]
    public async Task A_municipality_that_has_not_reported_gets_exactly_one_reminder_per_step_across_a_restart_and_a_second_instance()
    {
        var clock = new FakeClock(FourteenDaysBefore);
        var folder = Path.Combine(Path.GetTempPath(), "lhlbot-tests", "reminders-" + Guid.NewGuid().ToString("N"));
        var host = BookingTestHost.Start(Settings, folder: folder, clock: clock);
        try
        {
            var (bodo, bodoUser) = await host.AddContactAsync("Kari Bodø", "1804");
            var (narvik, _) = await host.AddContactAsync("Nils Narvik", "1806");

            Assert.Equal(2, await RunAsync(host));
            Assert.Equal(0, await RunAsync(host));
            var reminder = Assert.Single(host.Messenger.To(bodo.Id));
            Assert.Contains("Bodø", reminder.Text);
            var button = Assert.Single(Buttons(reminder));
            Assert.Equal(("status.report", "1804"), ((string?)button["action"], (string?)button["municipality"]));

            // A restart on the same database sends nothing again.
            await host.DisposeAsync();
            host = BookingTestHost.Start(Settings, folder: folder, clock: clock);
            Assert.Equal(0, await RunAsync(host));

            // Bodø opens the form from the reminder and sends the report.
            clock.Now = FourteenDaysBefore.AddDays(3);
            var chat = host.Conversation(bodoUser, channelId: "test");
            Assert.Contains("Statusrapport for Bodø", (await chat.SubmitAsIsAsync(button)).Everything);
            await chat.SubmitAsync(StatusTestHost.ValidCard());
            Assert.Contains("er sendt", (await chat.SubmitAsync(StatusTestHost.Send())).Everything);

            // «3 days before», on two instances at once: Narvik once, Bodø not at all.
            clock.Now = new DateTimeOffset(2026, 5, 12, 7, 0, 0, TimeSpan.Zero);
            await using var second = BookingTestHost.Start(Settings, folder: folder, clock: clock);
            var runs = await Task.WhenAll(RunAsync(host), RunAsync(second));
            Assert.Equal(1, runs.Sum());
            // (Both messengers are new since the restart: they hold only this step's messages.)
            Assert.Empty(host.Messenger.To(bodo.Id).Concat(second.Messenger.To(bodo.Id)));
            Assert.Single(host.Messenger.To(narvik.Id).Concat(second.Messenger.To(narvik.Id)));
            Assert.Equal(0, await RunAsync(second));
        }
        finally
        {
            await host.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    [Fact]
    public async Task Advisors_get_a_weekly_not_reported_list_with_a_remind_button_that_reminds_once_a_day()
    {
        var monday = new DateTimeOffset(2026, 5, 4, 7, 0, 0, TimeSpan.Zero);
        await using var host = BookingTestHost.Start(Settings, clock: new FakeClock(monday));
        var (narvik, _) = await host.AddContactAsync("Nils Narvik", "1806");
        var nordland = await host.OfficeOfAsync("1806");
        var advisor = await host.AddAdvisorAsync("Siri Statsforvalter", nordland, Organisation.Statsforvalteren);
        var ks = await host.AddAdvisorAsync("Kim KS", nordland, Organisation.KS);

        Assert.Equal(2, await RunAsync(host)); // the advisor's list, and Narvik's «14 days before» (due since 1 May)
        Assert.Empty(host.Messenger.To(ks.Id));
        var list = Assert.Single(host.Messenger.To(advisor.Id));
        Assert.Contains("Ikke rapportert ennå: 41 kommuner", list.Text);
        var remind = Buttons(list).First(b => (string?)b["municipality"] == "1806");
        Assert.Equal("status.remind", (string?)remind["action"]);
        Assert.Equal(0, await RunAsync(host)); // once a week

        var chat = host.Conversation(new TestUser("29:" + advisor.AadObjectId, advisor.Name, advisor.AadObjectId), channelId: "test");
        Assert.Single(host.Messenger.To(narvik.Id));
        Assert.Contains("Jeg minner Nils Narvik", (await chat.SubmitAsIsAsync(remind)).Text);
        Assert.Equal(2, host.Messenger.To(narvik.Id).Count);
        await chat.SubmitAsIsAsync(remind);
        Assert.Equal(2, host.Messenger.To(narvik.Id).Count); // once a day per contact

        var contact = host.Conversation(new TestUser("29:" + narvik.AadObjectId, narvik.Name, narvik.AadObjectId), channelId: "test");
        Assert.Contains("eget embete", (await contact.SubmitAsIsAsync(remind)).Text);
    }
}
