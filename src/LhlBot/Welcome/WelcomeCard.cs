using System.Text;
using LhlBot.Conversations;
using LhlBot.Conversations.Dialogs;

namespace LhlBot.Welcome;

/// <summary>
/// The bot's front door: on install and first contact, and on "meny", a card that says what LhlBot can do for
/// this user and offers exactly the jobs that exist and that the user may use.
/// </summary>
internal sealed class WelcomeCard
{
    public const string Template = "welcome";

    private const string Tips = "Skriv «hjelp» når som helst, «avbryt» for å avbryte og «meny» for å komme hit igjen.";

    public async Task SendAsync(DialogContext dc, IEnumerable<IBotFeature> features, bool firstContact, CancellationToken cancellationToken)
    {
        var items = await MenuAsync(dc, features, cancellationToken);
        var heading = firstContact ? "Hei! Jeg er LhlBot 👋" : "Hva kan jeg hjelpe deg med?";
        const string intro = "Jeg hjelper kommunene og det regionale støtteapparatet (Statsforvalteren, KS og USHT) med reformen Leve hele livet.";

        var text = new StringBuilder().Append("**").Append(heading).AppendLine("**").AppendLine(intro).AppendLine();
        for (var i = 0; i < items.Count; i++)
        {
            text.Append(i + 1).Append(". **").Append(items[i].Title).Append("** – ").AppendLine(items[i].Description);
        }
        text.AppendLine().Append(Tips);
        // «2» typed next picks the second item (the plain-text menu is numbered; so is the terminal's card).
        Conversations.Requests.PendingStep.ExpectMenuNumber(dc, items.Select(i => i.Action));

        await dc.SendCardAsync(Template, new
        {
            heading,
            intro,
            items = items.Select(i => new { title = i.Title, description = i.Description, action = i.Action }),
            tips = Tips,
        }, text.ToString(), cancellationToken);
    }

    public async Task SendHelpAsync(DialogContext dc, IEnumerable<IBotFeature> features, CancellationToken cancellationToken)
    {
        var text = new StringBuilder("**Slik bruker du LhlBot**\n");
        foreach (var item in await MenuAsync(dc, features, cancellationToken))
        {
            text.Append("- **").Append(item.Title).Append("**: ").AppendLine(item.Description);
        }
        text.Append(
            "- Skriv et spørsmål om reformen på bokmål eller nynorsk, for eksempel «Hva er de fem innsatsområdene?»\n" +
            "- «meny» viser hva jeg kan hjelpe med, «avbryt» avbryter det du holder på med, «start på nytt» begynner fra start.");
        await dc.SendAsync(text.ToString(), cancellationToken);
    }

    private static async Task<List<MenuItem>> MenuAsync(DialogContext dc, IEnumerable<IBotFeature> features, CancellationToken cancellationToken)
    {
        var items = new List<MenuItem>();
        foreach (var feature in features) items.AddRange(await feature.MenuItemsAsync(dc, cancellationToken));
        return items;
    }
}
