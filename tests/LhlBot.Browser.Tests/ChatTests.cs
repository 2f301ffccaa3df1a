using LhlBot.Questions;
using LhlBot.StatusReports;
using LhlBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LhlBot.Browser.Tests;

/// <summary>The chat page at / as a newcomer uses it: ask and give 👍, report status through the card, book a meeting.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ChatTests(BrowserHost host)
{
    [Fact]
    public async Task Asks_a_question_and_gives_thumbs_up()
    {
        var chat = await ChatPage.OpenAsync(host, "kontakt");
        await Assertions.Expect(chat.LastCard).ToContainTextAsync("Hei! Jeg er LhlBot");

        await chat.SayAsync("Hva er de fem innsatsområdene i reformen?");
        await Assertions.Expect(chat.LastCard).ToContainTextAsync("Kilde");
        await BrowserHost.ScreenshotAsync(chat.Page, "chat-answer-phone");

        await chat.PressAsync("👍 Nyttig");
        await Assertions.Expect(chat.Transcript).ToContainTextAsync("Takk for tilbakemeldingen");
        await BrowserHost.ScreenshotAsync(chat.Page, "chat-feedback-phone");

        // Phone width: nothing on the page is wider than the screen.
        var sideways = await chat.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(sideways, "the chat page scrolls sideways at phone width");

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LhlDbContext>();
        var entry = await db.Set<QuestionLogEntry>().AsNoTracking().SingleAsync(q => q.Question == "Hva er de fem innsatsområdene i reformen?");
        Assert.Equal(1, entry.Feedback);
        Assert.StartsWith("webchat:", entry.ConversationId);
        Assert.Empty(await chat.CardErrorsAsync());
        await chat.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task Files_a_status_report_through_the_card()
    {
        var chat = await ChatPage.OpenAsync(host, "kontakt", phone: false);
        await chat.PressAsync("Rapporter status");
        await Assertions.Expect(chat.LastCard).ToContainTextAsync("Statusrapport");
        await chat.FillLastCardAsync();
        await BrowserHost.ScreenshotAsync(chat.Page, "report-form");
        await chat.PressAsync("Gå videre");
        await Assertions.Expect(chat.LastCard.GetByRole(AriaRole.Button, new() { Name = "Send rapporten" })).ToBeVisibleAsync();
        await chat.PressAsync("Send rapporten");
        await Assertions.Expect(chat.Transcript).ToContainTextAsync("Statusrapporten for Bodø");
        await BrowserHost.ScreenshotAsync(chat.Page, "report-receipt");

        await using var scope = host.Services.CreateAsyncScope();
        var round = scope.ServiceProvider.GetRequiredService<ReportingCalendar>().InForce()!;
        var db = scope.ServiceProvider.GetRequiredService<LhlDbContext>();
        var report = await db.Set<StatusReport>().AsNoTracking().SingleAsync(r => r.MunicipalityNumber == "1804" && r.RoundId == round.Id && r.IsCurrent);
        Assert.Equal("Demo Kontaktperson", report.SubmittedByName);
        Assert.Empty(await chat.CardErrorsAsync());
        await chat.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task Books_a_meeting_and_downloads_the_invitation()
    {
        var chat = await ChatPage.OpenAsync(host, "kontakt");
        await chat.PressAsync("Book veiledningsmøte");
        await chat.FillLastCardAsync();
        await BrowserHost.ScreenshotAsync(chat.Page, "booking-form-phone");
        await chat.PressAsync("Gå videre");
        await chat.PressAsync("Finn ledige tider");

        await Assertions.Expect(chat.LastCard).ToContainTextAsync("kl.");
        var slot = chat.LastCard.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"kl\. \d\d:\d\d") }).First;
        await slot.WaitForAsync();
        await BrowserHost.ScreenshotAsync(chat.Page, "booking-slots-phone");
        var time = (await slot.TextContentAsync())!.Trim();
        await chat.PressAsync(time);
        await chat.PressAsync("Bekreft");

        var invitation = chat.Page.GetByText("veiledningsmote.ics – last ned");
        await invitation.WaitForAsync();
        await BrowserHost.ScreenshotAsync(chat.Page, "booking-confirmed-phone");
        var download = await chat.Page.RunAndWaitForDownloadAsync(() => invitation.ClickAsync());
        Assert.Equal("veiledningsmote.ics", download.SuggestedFilename);
        var ics = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("BEGIN:VCALENDAR", ics);
        Assert.Contains("METHOD:REQUEST", ics);
        Assert.Empty(await chat.CardErrorsAsync());
        await chat.Page.Context.CloseAsync();
    }
}
