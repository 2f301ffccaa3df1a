using System.Text.Json;
using System.Text.Json.Nodes;

namespace LhlBot.Protocol.Tests;

public sealed class ActivityExtensionsTests
{
    private static Activity Parse(string json) => JsonSerializer.Deserialize<Activity>(json, ProtocolJson.Options)!;

    [Fact]
    public void The_bots_mention_is_removed_case_insensitively_and_others_are_kept()
    {
        var activity = Parse("""
        {
          "type": "message",
          "text": "<at>LhlBot</at> spør <at>Ola Nordmann</at> om planen ",
          "recipient": { "id": "28:ABC-app", "name": "LhlBot" },
          "entities": [
            { "type": "mention", "text": "<at>LhlBot</at>", "mentioned": { "id": "28:abc-APP", "name": "LhlBot" } },
            { "type": "mention", "text": "<at>Ola Nordmann</at>", "mentioned": { "id": "29:ola", "name": "Ola Nordmann" } }
          ]
        }
        """);

        var text = activity.RemoveRecipientMention();

        Assert.Equal("spør <at>Ola Nordmann</at> om planen", text);
        Assert.Equal(text, activity.Text);
    }

    [Fact]
    public void A_leftover_at_tag_with_the_bots_name_is_removed_without_an_entity()
    {
        var activity = Parse("""{"type":"message","text":"<at>LhlBot</at>  status for Bodø","recipient":{"id":"28:x","name":"LhlBot"}}""");

        Assert.Equal("status for Bodø", activity.RemoveRecipientMention());
    }

    [Fact]
    public void Text_without_mentions_is_only_trimmed_and_null_stays_null()
    {
        Assert.Equal("hei", Parse("""{"type":"message","text":"  hei ","recipient":{"id":"28:x","name":"LhlBot"}}""").RemoveRecipientMention());
        Assert.Null(Parse("""{"type":"message","recipient":{"id":"28:x"}}""").RemoveRecipientMention());
    }

    [Fact]
    public void The_tenant_comes_from_the_conversation_else_from_channel_data()
    {
        Assert.Equal("t-conv", Parse("""{"type":"message","conversation":{"id":"a","tenantId":"t-conv"},"channelData":{"tenant":{"id":"t-cd"}}}""").GetTenantId());
        Assert.Equal("t-cd", Parse("""{"type":"message","conversation":{"id":"a"},"channelData":{"tenant":{"id":"t-cd"}}}""").GetTenantId());
        Assert.Null(Parse("""{"type":"message","channelData":{"tenant":"odd"}}""").GetTenantId());
    }

    [Fact]
    public void A_reply_and_a_reference_are_addressed_from_the_incoming_activity()
    {
        var incoming = Parse("""
        {"type":"message","id":"m1","serviceUrl":"https://smba.trafficmanager.net/emea/","channelId":"msteams","locale":"nb-NO",
         "from":{"id":"29:u","name":"Kari"},"recipient":{"id":"28:b","name":"LhlBot"},
         "conversation":{"id":"a:c","conversationType":"personal","tenantId":"t"}}
        """);

        var reply = incoming.CreateReply("svar");
        var reference = incoming.GetConversationReference();
        var continuation = reference.GetContinuationActivity();

        Assert.Equal(("28:b", "29:u", "m1", "a:c", "svar"), (reply.From!.Id, reply.Recipient!.Id, reply.ReplyToId, reply.Conversation!.Id, reply.Text));
        Assert.Equal(("m1", "29:u", "28:b", "a:c", "msteams", "https://smba.trafficmanager.net/emea/", "nb-NO"),
            (reference.ActivityId, reference.User!.Id, reference.Bot!.Id, reference.Conversation!.Id, reference.ChannelId, reference.ServiceUrl, reference.Locale));
        Assert.Equal(("29:u", "28:b", null), (continuation.From!.Id, continuation.Recipient!.Id, continuation.Id));
        Assert.Equal("t", JsonNode.Parse(JsonSerializer.Serialize(reference, ProtocolJson.Options))!["conversation"]!["tenantId"]!.GetValue<string>());
    }
}
