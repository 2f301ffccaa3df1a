using LhlBot.Hosting;
using LhlBot.Tests.Conversations;
using LhlBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LhlBot.Tests.Chat;

/// <summary>The terminal chat, in-process through the adapter with expectReplies, as a newcomer uses it.</summary>
public sealed class ChatCommandTests
{
    private static async Task<string> ChatAsync(BotHost host, string lines, params string[] args)
    {
        var chat = host.Services.GetServices<ICliCommand>().Single(c => c.Name == "chat");
        using var output = new StringWriter();
        var code = await chat.RunAsync(args, new StringReader(lines), output, CancellationToken.None);
        Assert.Equal(0, code);
        return output.ToString();
    }

    [Fact]
    public async Task The_chat_greets_renders_cards_as_text_and_presses_buttons_with_bang_number()
    {
        await using var host = await BotHost.StartAsync(services: TestFeature.Register);

        var greeting = await ChatAsync(host, "\n", "--as", "ukjent");
        Assert.Contains("Hei! Jeg er LhlBot", greeting);               // welcome card on first contact, as text
        Assert.Matches(@"\[\d+\] Still et spørsmål", greeting);        // buttons numbered
        var button = System.Text.RegularExpressions.Regex.Match(greeting, @"\[(\d+)\] Testskjema").Groups[1].Value;

        var transcript = await ChatAsync(host, $"!{button}\n2\n\n", "--as", "ukjent");
        Assert.Contains("Hvilken farge liker du best?", transcript);    // !N pressed the Testskjema button
        Assert.Contains("Hvilke frukter spiser du?", transcript);      // "2" answered the card's choice by number
    }

    [Fact]
    public async Task In_text_mode_prompts_come_as_numbered_text()
    {
        await using var host = await BotHost.StartAsync(services: TestFeature.Register);

        var transcript = await ChatAsync(host, "testskjema\n\n", "--text", "--new");

        Assert.Contains("(1/4) **Hvilken farge liker du best?**", transcript);
        Assert.Contains("1. Rød", transcript);
    }

    [Fact]
    public async Task Unknown_options_are_refused_with_the_usage()
    {
        await using var host = await BotHost.StartAsync();
        var chat = host.Services.GetServices<ICliCommand>().Single(c => c.Name == "chat");
        using var output = new StringWriter();

        Assert.Equal(2, await chat.RunAsync(["--bogus"], new StringReader(""), output, CancellationToken.None));
        Assert.Contains("Ukjent valg «--bogus»", output.ToString());
    }
}

/// <summary>Issue 18, item 3: the README's demo walkthrough, typed as written, books a meeting — whatever day it is.</summary>
public sealed class DemoWalkthroughTests
{
    [Fact]
    public async Task The_readme_booking_walkthrough_books_a_meeting_with_the_demo_advisors()
    {
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?> { ["Demo:Enabled"] = "true" });
        var chat = host.Services.GetServices<ICliCommand>().Single(c => c.Name == "chat");
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "README.md"));
        var block = System.Text.RegularExpressions.Regex.Match(readme, @"\*\*Book a meeting in the demo\.\*\*.*?```text\n(?<lines>.*?)```", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(block.Success, "the README has the demo walkthrough");
        var typed = block.Groups["lines"].Value.Split('\n')
            .Where(l => l.StartsWith("> ", StringComparison.Ordinal))
            .Select(l => System.Text.RegularExpressions.Regex.Replace(l[2..], @"\s{2,}.*$", "").Trim()).ToList();
        Assert.Equal("book", typed[0]);

        using var output = new StringWriter();
        Assert.Equal(0, await chat.RunAsync(["--new"], new StringReader(string.Join("\n", typed) + "\n"), output, CancellationToken.None));

        var transcript = output.ToString();
        Assert.Contains("For kommunen kan du booke: Statsforvalteren, KS, USHT, Felles møte", transcript);
        Assert.DoesNotContain("ingen ledige tider", transcript);
        Assert.Contains("Møtet er booket", transcript);
    }

    [Fact]
    public async Task The_demo_office_has_KS_and_USHT_advisors_with_times_in_the_coming_weeks()
    {
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?> { ["Demo:Enabled"] = "true" });
        var chat = host.Services.GetServices<ICliCommand>().Single(c => c.Name == "chat");
        using var output = new StringWriter();
        await chat.RunAsync(["--new", "--text"], new StringReader("kan vi få et møte med KS?\nbehold\n3\n1\nRåd om nettverk\nsend\n"), output, CancellationToken.None);

        var transcript = output.ToString();
        Assert.Contains("Ledige tider med KS", transcript);
        Assert.Contains("1. ", transcript[transcript.IndexOf("Ledige tider med KS", StringComparison.Ordinal)..]);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LhlBot.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("LhlBot.sln not found above the test binaries.");
    }
}
