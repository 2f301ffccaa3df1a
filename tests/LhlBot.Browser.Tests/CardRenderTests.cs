using System.Text.Json;
using System.Text.Json.Nodes;
using LhlBot.Protocol.Cards;
using Microsoft.Playwright;

namespace LhlBot.Browser.Tests;

/// <summary>
/// Every template in cards/ with its designer sample (NAME.data.json), expanded by our binder and rendered by the
/// official adaptivecards renderer in Chromium with the chat page's Teams-like host config, at phone width and at
/// Teams' desktop card width. Fails on the renderer's validation errors, on an element wider than the card, on a
/// text that is cut off instead of wrapping, on a button that cannot be pressed (covered or outside the card), and on a cancel/back action that does not fire
/// while required inputs are empty.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CardRenderTests(BrowserHost host)
{
    public static TheoryData<string, int> Templates()
    {
        var data = new TheoryData<string, int>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "cards"), "*.data.json").Order())
        {
            var name = Path.GetFileName(file)[..^".data.json".Length];
            data.Add(name, 360);
            data.Add(name, 540);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task Template_renders_without_errors_overflow_or_unpressable_actions(string template, int width)
    {
        var library = new CardTemplateLibrary(Path.Combine(AppContext.BaseDirectory, "cards"));
        var sample = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "cards", template + ".data.json")));
        var card = library.Get(template).Expand(sample);
        // As every card leaves the bot: cancel/back actions get associatedInputs none (Conversations/CardActions).
        var activity = new LhlBot.Protocol.Activity { Type = "message", Attachments = [new() { ContentType = CardTemplateLibrary.AdaptiveCardContentType, Content = card }] };
        LhlBot.Conversations.CardActions.Prepare(activity, null, _ => false, action => action == LhlBot.Conversations.CardActions.Cancel);

        var page = await host.NewPageAsync();
        await page.GotoAsync("/hostconfig.json");
        await page.SetContentAsync("<!doctype html><html><head><link rel=stylesheet href=/site.css></head><body class=chat-page></body></html>");
        await page.AddScriptTagAsync(new() { Url = "/lib/adaptivecards.min.js" });
        await page.AddScriptTagAsync(new() { Url = "/lib/markdown-it.min.js" });
        await page.AddScriptTagAsync(new() { Url = "/cards.js" });
        var result = await page.EvaluateAsync<JsonElement>(CheckScript, new { card = card.ToJsonString(), width });
        await BrowserHost.ScreenshotAsync(page, $"card-{template}-{width}");
        await page.Context.CloseAsync();

        var problems = new List<string>();
        foreach (var e in result.GetProperty("errors").EnumerateArray()) problems.Add("validation: " + e.GetString());
        foreach (var e in result.GetProperty("overflow").EnumerateArray()) problems.Add("wider than the card: " + e.GetString());
        foreach (var e in result.GetProperty("cutOff").EnumerateArray()) problems.Add("text cut off instead of wrapped: " + e.GetString());
        foreach (var e in result.GetProperty("unpressable").EnumerateArray()) problems.Add("cannot be pressed: " + e.GetString());
        foreach (var e in result.GetProperty("validating").EnumerateArray()) problems.Add("cancel/back blocked by input validation: " + e.GetString());
        Assert.True(problems.Count == 0, $"{template} at {width}px:\n" + string.Join("\n", problems));
        Assert.True(result.GetProperty("buttons").GetInt32() > 0 || !card.ToJsonString().Contains("Action.Submit"), "the card's actions were not rendered");
    }

    /// <summary>Runs in the page: renders the card in a box of the given width and measures it.</summary>
    private const string CheckScript = """
        async ({ card, width }) => {
          await LhlCards.load();
          const box = document.createElement("div");
          box.style.cssText = `width:${width}px;position:absolute;left:0;top:0;background:#fff`;
          document.body.appendChild(box);
          const fired = [];
          const { element, errors } = LhlCards.render(JSON.parse(card), (data, title) => fired.push(title));
          box.appendChild(element);
          const cardRect = element.getBoundingClientRect();
          const describe = el => (el.className || el.tagName) + " «" + (el.textContent || "").trim().slice(0, 60) + "»";
          const visible = el => el.offsetParent !== null && el.getClientRects().length > 0;
          const overflow = [];
          if (element.scrollWidth > element.clientWidth + 1) overflow.push("card scrolls sideways (" + element.scrollWidth + " > " + element.clientWidth + ")");
          for (const el of element.querySelectorAll("*")) {
            if (!visible(el)) continue;
            const r = el.getBoundingClientRect();
            if (r.width === 0 || r.height === 0) continue;
            if (r.right > cardRect.right + 1 || r.left < cardRect.left - 1) overflow.push(describe(el) + " right edge " + Math.round(r.right) + " > " + Math.round(cardRect.right));
          }
          const cutOff = [];
          // Text cut off: a choice title or a button title that does not wrap and is clipped (ellipsis).
          for (const el of element.querySelectorAll("*")) {
            if (!visible(el) || el.children.length > 0 || !(el.textContent || "").trim()) continue;
            const style = getComputedStyle(el);
            if (el.scrollWidth > el.clientWidth + 1 && style.overflowX !== "visible") cutOff.push(describe(el));
          }
          const unpressable = [];
          const buttons = [...element.querySelectorAll("button.ac-pushButton")].filter(visible);
          for (const b of buttons) {
            b.scrollIntoView({ block: "center", inline: "nearest" });
            const r = b.getBoundingClientRect();
            const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            const clipped = r.right > cardRect.right + 1 || r.width < 24;
            if (!hit || !b.contains(hit) || b.disabled || clipped) unpressable.push(describe(b));
          }
          // Cancel and back must work with required inputs left empty.
          for (const input of element.querySelectorAll("input[type=text], textarea")) input.value = "";
          for (const input of element.querySelectorAll("input[type=radio], input[type=checkbox]")) input.checked = false;
          const validating = [];
          for (const b of buttons) {
            const title = (b.textContent || "").trim();
            if (!/^(Avbryt|Tilbake)\b/i.test(title)) continue;
            const before = fired.length;
            b.click();
            if (fired.length === before) validating.push(title);
          }
          return { errors, overflow: [...new Set(overflow)].slice(0, 20), cutOff, unpressable, validating, buttons: buttons.length };
        }
        """;
}
