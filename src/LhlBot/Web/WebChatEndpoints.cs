using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LhlBot.Chat;
using LhlBot.Protocol;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace LhlBot.Web;

/// <summary>
/// The chat page's channel, "webchat". The page posts what the user typed or pressed to POST /api/webchat; the
/// server, not the page, decides who the user is (persona or Entra sign-in), builds the activity and runs it through
/// the same adapter pipeline as /api/messages (middleware, de-duplication, the bot) with deliveryMode expectReplies,
/// so the replies come back in the response. /api/messages itself is not used: in production it takes only
/// Bot Framework tokens, and a browser must not be able to claim any aadObjectId it likes.
/// </summary>
internal static partial class WebChatEndpoints
{
    public const string ChannelId = Channels.Webchat;

    /// <summary>What the page sends: a message (text and/or a card's submitted value) or the start of a conversation.</summary>
    public sealed record WebChatPost(string? Type, string? Text, JsonNode? Value, string? Conversation);

    public static void MapWebChat(this WebApplication app)
    {
        app.MapGet("/api/web/config", (WebSignIn signIn, IOptions<WebOptions> options) => Results.Json(new
        {
            local = signIn.LocalMode,
            chat = signIn.LocalMode || options.Value.ChatInProduction,
            personas = signIn.LocalMode ? Personas.All.Select(p => new { key = p.Key, name = p.Name, description = p.Description }) : null,
        }));

        app.MapPost("/api/webchat", async (HttpContext http, WebSignIn signIn, CloudAdapter adapter, IBot bot, IOptions<WebOptions> options) =>
        {
            var web = options.Value;
            if (!signIn.LocalMode && !web.ChatInProduction) return Results.NotFound();
            var (caller, problem) = await signIn.IdentifyAsync(http, http.RequestAborted);
            if (caller is null) return problem!;

            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = web.MaxRequestBytes;
            if (http.Request.ContentLength > web.MaxRequestBytes) return WebSignIn.Problem(StatusCodes.Status413PayloadTooLarge, "Meldingen er for stor.");
            WebChatPost? post;
            try
            {
                post = await JsonSerializer.DeserializeAsync<WebChatPost>(http.Request.Body, ProtocolJson.Options, http.RequestAborted);
            }
            catch (JsonException)
            {
                return WebSignIn.Problem(StatusCodes.Status400BadRequest, "Forespørselen er ikke gyldig JSON.");
            }
            catch (BadHttpRequestException)
            {
                return WebSignIn.Problem(StatusCodes.Status413PayloadTooLarge, "Meldingen er for stor.");
            }
            if (post is null) return WebSignIn.Problem(StatusCodes.Status400BadRequest, "Forespørselen er tom.");
            if (post.Text?.Length > web.MaxTextLength)
            {
                return WebSignIn.Problem(StatusCodes.Status400BadRequest, $"Meldingen er for lang ({post.Text.Length} tegn). Skriv høyst {web.MaxTextLength} tegn.");
            }
            var conversation = post.Conversation is { } c && ConversationPattern().IsMatch(c) ? c : null;
            if (conversation is null) return WebSignIn.Problem(StatusCodes.Status400BadRequest, "Samtalen mangler en gyldig id (bokstaver, tall og bindestrek, høyst 64 tegn).");

            var user = new ChannelAccount(caller.UserId, caller.Name) { AadObjectId = caller.AadObjectId };
            var botAccount = new ChannelAccount("lhlbot", "LhlBot");
            var activity = post.Type switch
            {
                ActivityTypes.ConversationUpdate => new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = [botAccount, user] },
                null or ActivityTypes.Message when !string.IsNullOrWhiteSpace(post.Text) || post.Value is JsonObject =>
                    new Activity { Type = ActivityTypes.Message, Text = post.Text, Value = post.Value?.DeepClone() },
                _ => null,
            };
            if (activity is null) return WebSignIn.Problem(StatusCodes.Status400BadRequest, "Skriv en melding eller trykk på en knapp.");

            activity.Id = Guid.NewGuid().ToString("N");
            activity.ChannelId = ChannelId;
            activity.ServiceUrl = "http://localhost/webchat/";
            activity.From = user;
            activity.Recipient = botAccount;
            // The caller's id is part of the conversation id, so nobody can write into another user's conversation.
            activity.Conversation = new ConversationAccount { Id = $"webchat:{caller.UserId}:{conversation}", ConversationType = "personal" };
            activity.Timestamp = DateTimeOffset.UtcNow;
            activity.Locale = "nb-NO";
            activity.DeliveryMode = DeliveryModes.ExpectReplies;

            var response = await adapter.ProcessActivityAsync(activity, bot.OnTurnAsync, http.RequestAborted);
            var replies = response?.Body switch
            {
                ExpectedReplies expected => expected.Activities,
                JsonNode node => node.Deserialize<ExpectedReplies>(ProtocolJson.Options)?.Activities ?? [],
                _ => [],
            };
            return Results.Json(new ExpectedReplies { Activities = [.. replies.Where(r => r.Type == ActivityTypes.Message)] }, ProtocolJson.Options);
        });
    }

    [GeneratedRegex("^[A-Za-z0-9-]{1,64}$")]
    private static partial Regex ConversationPattern();
}
