using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using LhlBot.Conversations.Dialogs;
using LhlBot.Hosting;
using LhlBot.Protocol;
using LhlBot.Protocol.Cards;

namespace LhlBot.Chat;

/// <summary>
/// `chat`: talk to the bot from a terminal. In-process it runs through the same adapter pipeline as
/// /api/messages (middleware, de-duplication, the bot); with `--url` it posts to a running bot over HTTP.
/// Both ask for deliveryMode expectReplies, so the replies come back in the response.
/// Cards are printed as text with numbered choices; "!N" presses the card's button N.
/// </summary>
internal sealed class ChatCommand(CloudAdapter adapter, IBot bot, IHttpClientFactory httpClients) : ICliCommand
{
    public string Name => "chat";

    public string Usage => "chat [--url http://localhost:3978] [--as kontakt|radgiver|nasjonal|admin|ukjent] [--text] [--new]   – snakk med boten i terminalen";

    public async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        var options = ChatOptions.Parse(args);
        if (options.Error is not null)
        {
            await output.WriteLineAsync(options.Error + "\n" + Usage);
            return 2;
        }
        if (Personas.Find(options.Persona) is not { } persona)
        {
            await output.WriteLineAsync($"Ukjent rolle «{options.Persona}». Velg en av: {Personas.Keys}.");
            return 2;
        }

        var conversationId = options.NewConversation
            ? $"terminal-{persona.Key}-{Guid.NewGuid():N}"
            : $"terminal-{persona.Key}-{Environment.UserName}";
        var user = new ChannelAccount($"terminal:{persona.Key}", persona.Name) { AadObjectId = persona.AadObjectId };
        var botAccount = new ChannelAccount("lhlbot", "LhlBot");
        var channel = options.PlainText ? "text" : ChannelCapabilities.Terminal;
        CardTextResult? lastCard = null;

        await output.WriteLineAsync($"LhlBot i terminalen – du er «{persona.Name}». Skriv «hjelp» for hjelp, «!N» for å trykke knapp N på siste kort, tom linje eller Ctrl+D for å avslutte.");
        await ShowAsync(new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = [botAccount, user] });

        while (!cancellationToken.IsCancellationRequested)
        {
            await output.WriteAsync("\n> ");
            var line = await input.ReadLineAsync(cancellationToken);
            if (string.IsNullOrWhiteSpace(line)) break;

            var message = new Activity { Type = ActivityTypes.Message, Text = line };
            if (line.StartsWith('!') && int.TryParse(line[1..], out var number))
            {
                if (lastCard is null || !lastCard.TryGetAction(number, out var action) || action?.Data is not JsonObject data)
                {
                    await output.WriteLineAsync($"Det siste kortet har ingen knapp {number}.");
                    continue;
                }
                message = new Activity { Type = ActivityTypes.Message, Value = data.DeepClone() };
            }
            await ShowAsync(message);
        }
        return 0;

        async Task ShowAsync(Activity activity)
        {
            activity.Id = Guid.NewGuid().ToString("N");
            activity.ChannelId = channel;
            activity.ServiceUrl = options.Url ?? "http://localhost/terminal/";
            activity.From = user;
            activity.Recipient = botAccount;
            activity.Conversation = new ConversationAccount { Id = conversationId, ConversationType = "personal" };
            activity.Timestamp = DateTimeOffset.UtcNow;
            activity.Locale = "nb-NO";
            activity.DeliveryMode = DeliveryModes.ExpectReplies;

            IReadOnlyList<Activity> replies;
            try
            {
                replies = options.Url is null ? await SendInProcessAsync(activity, cancellationToken) : await SendOverHttpAsync(options.Url, activity, cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                await output.WriteLineAsync($"Fikk ikke kontakt med boten på {options.Url}: {ex.Message}");
                return;
            }
            foreach (var reply in replies.Where(r => r.Type == ActivityTypes.Message))
            {
                if (!string.IsNullOrWhiteSpace(reply.Text)) await output.WriteLineAsync("\n" + reply.Text);
                foreach (var attachment in reply.Attachments ?? [])
                {
                    if (attachment.ContentType == ContentTypes.AdaptiveCard && attachment.Content is JsonObject card)
                    {
                        lastCard = CardText.Render(card);
                        await output.WriteLineAsync("\n" + lastCard.Text.TrimEnd());
                    }
                    else
                    {
                        await output.WriteLineAsync($"\n[Vedlegg: {attachment.Name ?? attachment.ContentType}]");
                    }
                }
            }
        }
    }

    private async Task<IReadOnlyList<Activity>> SendInProcessAsync(Activity activity, CancellationToken cancellationToken)
    {
        var response = await adapter.ProcessActivityAsync(activity, bot.OnTurnAsync, cancellationToken);
        return response?.Body switch
        {
            ExpectedReplies replies => replies.Activities,
            JsonNode node => node.Deserialize<ExpectedReplies>(ProtocolJson.Options)?.Activities ?? [],
            _ => [],
        };
    }

    private async Task<IReadOnlyList<Activity>> SendOverHttpAsync(string url, Activity activity, CancellationToken cancellationToken)
    {
        var client = httpClients.CreateClient(nameof(ChatCommand));
        using var response = await client.PostAsJsonAsync(new Uri(new Uri(url.TrimEnd('/') + "/"), "api/messages"), activity, ProtocolJson.Options, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"svaret var {(int)response.StatusCode} {response.ReasonPhrase}");
        }
        if (response.Content.Headers.ContentLength == 0) return [];
        var replies = await response.Content.ReadFromJsonAsync<ExpectedReplies>(ProtocolJson.Options, cancellationToken);
        return replies?.Activities ?? [];
    }

    private sealed record ChatOptions(string? Url, string Persona, bool PlainText, bool NewConversation, string? Error)
    {
        public static ChatOptions Parse(string[] args)
        {
            string? url = null, persona = "kontakt";
            bool text = false, fresh = false;
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--url" when i + 1 < args.Length: url = args[++i]; break;
                    case "--as" when i + 1 < args.Length: persona = args[++i]; break;
                    case "--text": text = true; break;
                    case "--new": fresh = true; break;
                    default: return new ChatOptions(null, "", false, false, $"Ukjent valg «{args[i]}».");
                }
            }
            if (url is not null && !Uri.TryCreate(url, UriKind.Absolute, out _))
            {
                return new ChatOptions(null, "", false, false, $"«{url}» er ikke en gyldig adresse.");
            }
            return new ChatOptions(url, persona, text, fresh, null);
        }
    }
}
