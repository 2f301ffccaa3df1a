namespace LhlBot.Protocol;

/// <summary>Helpers on activities, named as in the SDK.</summary>
public static class ActivityExtensions
{
    /// <summary>A reply: from/recipient swapped, same conversation, replyToId = this id. CONTRACT ONLY.</summary>
    public static Activity CreateReply(this Activity activity, string? text = null) => throw new NotImplementedException();

    public static ConversationReference GetConversationReference(this Activity activity) => new() { ActivityId = activity.Id, User = activity.From, Bot = activity.Recipient, Conversation = activity.Conversation, ChannelId = activity.ChannelId, Locale = activity.Locale, ServiceUrl = activity.ServiceUrl };

    /// <summary>Removes every "&lt;at&gt;…&lt;/at&gt;" mention of the recipient (the bot) from Text and trims it; returns the new text.</summary>
    public static string? RemoveRecipientMention(this Activity activity) => activity.Text;

    /// <summary>Teams tenant: conversation.tenantId, else channelData.tenant.id.</summary>
    public static string? GetTenantId(this Activity activity) => throw new NotImplementedException();
}

/// <summary>Builds outgoing message activities, as the SDK's MessageFactory.</summary>
public static class MessageFactory
{
    public static Activity Text(string text) => new() { Type = ActivityTypes.Message, Text = text, TextFormat = "markdown" };

    public static Activity Attachment(Attachment attachment, string? text = null) =>
        new() { Type = ActivityTypes.Message, Text = text, Attachments = [attachment] };
}
