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

        var transcript = await ChatAsync(host, "meny\n!2\n2\n\n", "--new");

        Assert.Contains("Hei! Jeg er LhlBot", transcript);            // welcome card on first contact, as text
        Assert.Contains("[1] Still et spørsmål", transcript);          // buttons numbered
        Assert.Contains("Testskjema", transcript);
        Assert.Contains("Hvilken farge liker du best?", transcript);    // !2 pressed the Testskjema button
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
