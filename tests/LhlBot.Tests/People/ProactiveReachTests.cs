using System.Text.Json.Nodes;
using LhlBot.People;
using LhlBot.People.Graph;
using LhlBot.Tests.Bookings;
using LhlBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LhlBot.Tests.People;

/// <summary>Issue 18, item 4: people who never talked to the bot are reached through a Graph app installation, or the bot says honestly who is not told.</summary>
public sealed class ProactiveReachTests
{
    private const string Bodo = "1804";

    private static async Task<Reply> BookAsync(BookingTestHost host, TestUser user)
    {
        var chat = host.Conversation(user);
        await chat.SayAsync("book");
        await chat.SayAsync("Statsforvalteren");
        await chat.SayAsync("Mat og måltider");
        await chat.SayAsync("Teams");
        await chat.SayAsync("Vi vil ha råd om måltidsvertordning.");
        await chat.SayAsync("send");
        await chat.SayAsync("1");
        return await chat.SayAsync("bekreft");
    }

    [Fact]
    public async Task An_advisor_who_never_talked_to_the_bot_gets_the_app_installed_through_Graph_and_the_booking_in_the_chat_it_opens()
    {
        await using var graph = await FakeGraph.StartAsync();
        await using var host = BookingTestHost.Start(graph.Settings(), services: s => s.AddSingleton<IGraphTokenSource, FakeGraphToken>());
        var office = await host.OfficeOfAsync(Bodo);
        var advisor = await host.AddAdvisorAsync("Kari Rådgiver", office, Organisation.Statsforvalteren, hasChat: false, (DayOfWeek.Wednesday, "09:00", "11:00"));
        var (_, user) = await host.AddContactAsync("Ola Kontakt", Bodo);

        var done = await BookAsync(host, user);

        Assert.Contains("Møtet er booket", done.Text);
        Assert.Contains("Kari Rådgiver får beskjed i Teams", done.Text);
        Assert.True(graph.IsInstalledFor(advisor.AadObjectId!));
        var told = Assert.Single(host.Messenger.To(advisor.Id));
        Assert.Contains("Ny avtale", told.Text);
        var stored = await host.WithDbAsync(db => db.Set<Person>().SingleAsync(p => p.Id == advisor.Id));
        Assert.Contains($"19:{advisor.AadObjectId}_bot@unq.gbl.spaces", stored.ConversationReferenceJson);
    }

    [Fact]
    public async Task Without_Graph_the_confirmation_says_who_is_not_told_and_how_to_reach_them()
    {
        await using var host = BookingTestHost.Start();
        var office = await host.OfficeOfAsync(Bodo);
        var advisor = await host.AddAdvisorAsync("Kari Rådgiver", office, Organisation.Statsforvalteren, hasChat: false, (DayOfWeek.Wednesday, "09:00", "11:00"));
        var (_, user) = await host.AddContactAsync("Ola Kontakt", Bodo);

        var done = await BookAsync(host, user);

        Assert.Contains("Møtet er booket", done.Text);
        Assert.Contains("Kari Rådgiver har ikke tatt i bruk LhlBot ennå og får ikke beskjed herfra", done.Text);
        Assert.Contains(advisor.Email!, done.Text);
        Assert.DoesNotContain("får beskjed i Teams", done.Text);
        Assert.Empty(host.Messenger.To(advisor.Id));
    }

    [Fact]
    public async Task A_failed_installation_is_not_reported_as_sent()
    {
        await using var graph = await FakeGraph.StartAsync();
        await using var host = BookingTestHost.Start(graph.Settings(), services: s => s.AddSingleton<IGraphTokenSource, FakeGraphToken>());
        var office = await host.OfficeOfAsync(Bodo);
        var advisor = await host.AddAdvisorAsync("Kari Rådgiver", office, Organisation.Statsforvalteren, hasChat: false, (DayOfWeek.Wednesday, "09:00", "11:00"));
        graph.Unlicensed.Add(advisor.AadObjectId!);

        await using var scope = host.Services.CreateAsyncScope();
        var reach = scope.ServiceProvider.GetRequiredService<IProactiveReach>();
        var sent = await reach.SendAsync(advisor, LhlBot.Protocol.MessageFactory.Text("Hei"), CancellationToken.None);

        Assert.False(sent);
        Assert.Empty(host.Messenger.To(advisor.Id));
        Assert.Null((await host.WithDbAsync(db => db.Set<Person>().SingleAsync(p => p.Id == advisor.Id))).ConversationReferenceJson);
    }
}
