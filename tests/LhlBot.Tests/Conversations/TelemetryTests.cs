using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using LhlBot.Protocol;
using LhlBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LhlBot.Tests.Conversations;

/// <summary>What an operator's metrics show: turns timed, questions answered or declined, re-sends counted.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task Turns_questions_by_outcome_and_resent_activities_are_measured()
    {
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?> { ["Demo:Enabled"] = "false" });
        var factory = host.Services.GetRequiredService<IMeterFactory>();
        var measured = new ConcurrentBag<(string Instrument, double Value, string Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "LhlBot" && instrument.Meter.Scope == factory) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            measured.Add((instrument.Name, value, string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}")))));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
            measured.Add((instrument.Name, value, string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}")))));
        listener.Start();

        var chat = host.Conversation(channelId: "text");
        Assert.Contains("_Kilde: ", (await chat.SayAsync("Hva er de fem innsatsområdene i reformen?")).Text);
        await chat.SayAsync("Hvem vant fotball-VM for kvinner i 1995?");
        var again = new Activity { Type = ActivityTypes.Message, Id = "same", Text = "hjelp" };
        await chat.SendAsync(again);
        await chat.SendAsync(new Activity { Type = ActivityTypes.Message, Id = "same", Text = "hjelp" });

        Assert.Single(measured, m => m.Instrument == "lhlbot.questions" && m.Tags == "lhlbot.outcome=answered");
        Assert.Single(measured, m => m.Instrument == "lhlbot.questions" && m.Tags == "lhlbot.outcome=declined");
        Assert.Single(measured, m => m.Instrument == "lhlbot.activities.duplicates");
        Assert.Equal(4, measured.Count(m => m.Instrument == "lhlbot.turn.duration" && m.Tags == "lhlbot.activity.type=message" && m.Value > 0));
        Assert.Equal(0, measured.Where(m => m.Instrument == "lhlbot.turns.active").Sum(m => m.Value)); // every turn that started ended
    }
}
