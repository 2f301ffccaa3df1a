using Microsoft.Playwright;

namespace LhlBot.Browser.Tests;

/// <summary>What a user does on the chat page: type, press a card's button, fill the last card.</summary>
internal sealed class ChatPage(IPage page)
{
    public IPage Page => page;

    public ILocator Transcript => page.Locator("#transcript");

    public ILocator LastCard => page.Locator(".message.card").Last;

    public static async Task<ChatPage> OpenAsync(BrowserHost host, string persona, bool phone = true)
    {
        var page = await host.NewPageAsync(phone);
        await page.GotoAsync($"/?persona={persona}");
        var chat = new ChatPage(page);
        await chat.LastCard.WaitForAsync(); // the welcome card
        return chat;
    }

    /// <summary>Validation messages of the official renderer for every card the bot sent in this page.</summary>
    public Task<string[]> CardErrorsAsync() => page.EvaluateAsync<string[]>("() => window.lhlCardErrors || []");

    public async Task SayAsync(string text)
    {
        var cards = await page.Locator(".message.card").CountAsync();
        await page.FillAsync("#message", text);
        await page.PressAsync("#message", "Enter");
        await WaitForRepliesAsync(cards);
    }

    /// <summary>Presses the button with this title on the last card that has one.</summary>
    public async Task PressAsync(string title)
    {
        var messages = await page.Locator(".message").CountAsync();
        await page.Locator(".message.card").GetByRole(AriaRole.Button, new() { Name = title, Exact = true }).Last.ClickAsync();
        await Assertions.Expect(page.Locator(".message")).Not.ToHaveCountAsync(messages + 1); // the "pressed" bubble and at least one reply
        await Assertions.Expect(page.Locator("#typing")).ToBeHiddenAsync();
    }

    /// <summary>Answers what is still open on the last card: the first choice of each unanswered single or multi choice or list, a short text in empty text fields.</summary>
    public Task FillLastCardAsync() => LastCard.EvaluateAsync("""
        card => {
          const groups = new Map();
          for (const input of card.querySelectorAll("input[type=radio], input[type=checkbox]")) {
            const key = input.name || input.closest("[role=radiogroup], .ac-input-container, .ac-choiceSetInput-expanded")?.id || input.closest("div").parentElement;
            if (!groups.has(key)) groups.set(key, []);
            groups.get(key).push(input);
          }
          for (const inputs of groups.values()) {
            if (!inputs.some(i => i.checked)) { inputs[0].click(); }
          }
          for (const select of card.querySelectorAll("select")) {
            if (!select.value) { select.value = [...select.options].find(o => o.value)?.value ?? ""; select.dispatchEvent(new Event("change", { bubbles: true })); }
          }
          for (const text of card.querySelectorAll("input.ac-textInput, textarea.ac-textInput, textarea")) {
            if (!text.value) { text.value = "Fra nettlesertesten"; text.dispatchEvent(new Event("input", { bubbles: true })); }
          }
        }
        """);

    private async Task WaitForRepliesAsync(int cardsBefore)
    {
        await Assertions.Expect(page.Locator("#typing")).ToBeHiddenAsync();
        _ = cardsBefore;
    }
}
