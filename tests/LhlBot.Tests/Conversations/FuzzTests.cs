using LhlBot.Benchmarks.Reliability;
using LhlBot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace LhlBot.Tests.Conversations;

/// <summary>Random text and mutated presses of the bot's own buttons, as the demo people: never a 500, never the apology.</summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    internal static readonly IReadOnlyList<(string Id, string Name, string AadObjectId)> DemoPeople =
    [
        ("29:kontakt", "Demo Kontaktperson", "00000000-0000-0000-0000-000000000001"),
        ("29:radgiver", "Demo Rådgiver", "00000000-0000-0000-0000-000000000002"),
        ("29:nasjonal", "Demo Helsedirektoratet", "00000000-0000-0000-0000-000000000003"),
        ("29:admin", "Demo Administrator", "00000000-0000-0000-0000-000000000004"),
        ("29:ukjent", "Ukjent Bruker", "00000000-0000-0000-0000-0000000000ff"),
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Fuzzed_activities_get_no_server_error_and_no_apology(int seed)
    {
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?> { ["StatusReports:OpenWeeksBefore"] = "27" });
        var fuzzer = new ActivityFuzzer(host.CreateClient(), seed, DemoPeople);

        var result = await fuzzer.RunAsync("/api/messages", 400);

        foreach (var example in result.Examples) output.WriteLine(example);
        Assert.Equal((0, 0), (result.ServerErrors, result.Apologies));
    }
}
