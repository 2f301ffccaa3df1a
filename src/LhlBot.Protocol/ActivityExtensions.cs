using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace LhlBot.Protocol;

/// <summary>Helpers on activities, named as in the SDK.</summary>
public static class ActivityExtensions
{
    /// <summary>A reply: from/recipient swapped, same conversation, replyToId = this id.</summary>
    public static Activity CreateReply(this Activity activity, string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        From = CopyAccount(activity.Recipient),
        Recipient = CopyAccount(activity.From),
        Conversation = CopyConversation(activity.Conversation),
        ReplyToId = activity.Id,
        ServiceUrl = activity.ServiceUrl,
        ChannelId = activity.ChannelId,
        Locale = activity.Locale,
        Text = text,
    };

    public static ConversationReference GetConversationReference(this Activity activity) => new()
    {
        ActivityId = activity.Id,
        User = CopyAccount(activity.From),
        Bot = CopyAccount(activity.Recipient),
        Conversation = CopyConversation(activity.Conversation),
        ChannelId = activity.ChannelId,
        Locale = activity.Locale,
        ServiceUrl = activity.ServiceUrl,
    };

    /// <summary>
    /// The activity a proactive turn starts from (as the SDK's GetContinuationActivity): an event from the user
    /// to the bot in the referenced conversation. It has no id, so what the turn sends is posted to the
    /// conversation rather than as a reply.
    /// </summary>
    public static Activity GetContinuationActivity(this ConversationReference reference) => new()
    {
        Type = ActivityTypes.Event,
        Name = "ContinueConversation",
        From = CopyAccount(reference.User),
        Recipient = CopyAccount(reference.Bot),
        Conversation = CopyConversation(reference.Conversation),
        ChannelId = reference.ChannelId,
        ServiceUrl = reference.ServiceUrl,
        Locale = reference.Locale,
        RelatesTo = reference,
    };

    /// <summary>
    /// Removes every mention of the recipient (the bot) from Text and trims it; returns the new text.
    /// Uses the mention entities first (their text is exactly what Teams put in Text), then strips a leftover
    /// "&lt;at&gt;BotName&lt;/at&gt;" in case a client sent the tag without an entity.
    /// </summary>
    public static string? RemoveRecipientMention(this Activity activity)
    {
        if (activity.Text is null)
        {
            return null;
        }

        var text = activity.Text;
        var recipientId = activity.Recipient?.Id;
        if (!string.IsNullOrEmpty(recipientId))
        {
            foreach (var entity in activity.Entities ?? [])
            {
                if (!string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var mentionedId = ReadString(entity.Properties, "mentioned", "id");
                var mentionText = ReadString(entity.Properties, "text");
                if (string.Equals(mentionedId, recipientId, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(mentionText))
                {
                    text = text.Replace(mentionText, string.Empty, StringComparison.OrdinalIgnoreCase);
                }
            }
        }

        var botName = activity.Recipient?.Name;
        if (!string.IsNullOrWhiteSpace(botName))
        {
            text = Regex.Replace(text, $@"<at>\s*{Regex.Escape(botName)}\s*</at>", string.Empty,
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        activity.Text = text.Trim();
        return activity.Text;
    }

    /// <summary>Teams tenant: conversation.tenantId, else channelData.tenant.id.</summary>
    public static string? GetTenantId(this Activity activity)
    {
        if (!string.IsNullOrEmpty(activity.Conversation?.TenantId))
        {
            return activity.Conversation.TenantId;
        }

        return activity.ChannelData is JsonObject channelData
            && channelData["tenant"] is JsonObject tenant
            && tenant["id"] is JsonValue id
            && id.TryGetValue<string>(out var tenantId)
            ? tenantId
            : null;
    }

    private static string? ReadString(Dictionary<string, JsonElement>? properties, string name, string? nested = null)
    {
        if (properties is null || !properties.TryGetValue(name, out var element))
        {
            return null;
        }

        if (nested is not null)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(nested, out element))
            {
                return null;
            }
        }

        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }

    private static ChannelAccount? CopyAccount(ChannelAccount? account) => account is null
        ? null
        : new ChannelAccount(account.Id, account.Name) { AadObjectId = account.AadObjectId, Role = account.Role };

    private static ConversationAccount? CopyConversation(ConversationAccount? conversation) => conversation is null
        ? null
        : new ConversationAccount
        {
            Id = conversation.Id,
            Name = conversation.Name,
            IsGroup = conversation.IsGroup,
            ConversationType = conversation.ConversationType,
            TenantId = conversation.TenantId,
        };
}

/// <summary>Builds outgoing message activities, as the SDK's MessageFactory.</summary>
public static class MessageFactory
{
    public static Activity Text(string text) => new() { Type = ActivityTypes.Message, Text = text, TextFormat = "markdown" };

    public static Activity Attachment(Attachment attachment, string? text = null) =>
        new() { Type = ActivityTypes.Message, Text = text, Attachments = [attachment] };
}
