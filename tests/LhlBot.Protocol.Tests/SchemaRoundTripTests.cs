using System.Text.Json;
using System.Text.Json.Nodes;

namespace LhlBot.Protocol.Tests;

/// <summary>Real Teams payloads must survive deserialise → serialise without losing or changing a field.</summary>
public sealed class SchemaRoundTripTests
{
    private const string MessageWithMention = """
    {
      "text": "<at>LhlBot</at> hvordan går det med Nordland?",
      "textFormat": "plain",
      "attachments": [{ "contentType": "text/html", "content": "<div><at>LhlBot</at> hvordan går det med Nordland?</div>" }],
      "type": "message",
      "timestamp": "2024-06-10T08:15:30.1234567Z",
      "localTimestamp": "2024-06-10T10:15:30.1234567+02:00",
      "id": "1718007330123",
      "channelId": "msteams",
      "serviceUrl": "https://smba.trafficmanager.net/emea/",
      "from": { "id": "29:1abc", "name": "Kari Nordmann", "aadObjectId": "6f1c2d3e-aaaa-bbbb-cccc-1234567890ab" },
      "conversation": { "conversationType": "channel", "isGroup": true, "tenantId": "72f988bf-0000", "id": "19:abc@thread.tacv2;messageid=1718007330123" },
      "recipient": { "id": "28:00000000-0000-0000-0000-0000000000b0", "name": "LhlBot" },
      "entities": [
        { "mentioned": { "id": "28:00000000-0000-0000-0000-0000000000b0", "name": "LhlBot" }, "text": "<at>LhlBot</at>", "type": "mention" },
        { "locale": "nb-NO", "country": "NO", "platform": "Web", "timezone": "Europe/Oslo", "type": "clientInfo" }
      ],
      "channelData": {
        "teamsChannelId": "19:abc@thread.tacv2",
        "teamsTeamId": "19:team@thread.tacv2",
        "channel": { "id": "19:abc@thread.tacv2" },
        "team": { "id": "19:team@thread.tacv2", "aadGroupId": "group-1" },
        "tenant": { "id": "72f988bf-0000" }
      },
      "locale": "nb-NO",
      "localTimezone": "Europe/Oslo"
    }
    """;

    private const string ConversationUpdate = """
    {
      "membersAdded": [{ "id": "28:00000000-0000-0000-0000-0000000000b0" }, { "id": "29:1abc", "aadObjectId": "6f1c" }],
      "type": "conversationUpdate",
      "timestamp": "2024-06-10T08:00:00.000Z",
      "id": "f:1234",
      "channelId": "msteams",
      "serviceUrl": "https://smba.trafficmanager.net/emea/",
      "from": { "id": "29:1abc", "aadObjectId": "6f1c" },
      "conversation": { "isGroup": true, "conversationType": "channel", "tenantId": "t1", "id": "19:team@thread.tacv2" },
      "recipient": { "id": "28:00000000-0000-0000-0000-0000000000b0", "name": "LhlBot" },
      "channelData": { "team": { "id": "19:team@thread.tacv2", "name": "Leve hele livet" }, "eventType": "teamMemberAdded", "tenant": { "id": "t1" }, "settings": { "selectedChannel": { "id": "19:team@thread.tacv2" } } }
    }
    """;

    private const string AdaptiveCardAction = """
    {
      "name": "adaptiveCard/action",
      "type": "invoke",
      "timestamp": "2024-06-10T08:20:00.5Z",
      "localTimestamp": "2024-06-10T10:20:00.5+02:00",
      "id": "f:5678",
      "channelId": "msteams",
      "serviceUrl": "https://smba.trafficmanager.net/emea/",
      "from": { "id": "29:1abc", "name": "Kari Nordmann", "aadObjectId": "6f1c" },
      "conversation": { "conversationType": "personal", "tenantId": "t1", "id": "a:1xyz" },
      "recipient": { "id": "28:00000000-0000-0000-0000-0000000000b0", "name": "LhlBot" },
      "entities": [{ "locale": "nb-NO", "country": "NO", "platform": "Windows", "timezone": "Europe/Oslo", "type": "clientInfo" }],
      "channelData": { "tenant": { "id": "t1" }, "source": { "name": "message" }, "legacy": { "replyToId": "1:abc" } },
      "replyToId": "1718007330999",
      "value": { "action": { "type": "Action.Execute", "id": "refresh", "verb": "status", "data": { "kommune": "1804", "år": 2024, "ok": true, "liste": [1, 2.5, null] } }, "trigger": "manual" },
      "locale": "nb-NO",
      "localTimezone": "Europe/Oslo",
      "someFutureField": { "nested": [1, "to"] }
    }
    """;

    [Theory]
    [InlineData(MessageWithMention)]
    [InlineData(ConversationUpdate)]
    [InlineData(AdaptiveCardAction)]
    public void Teams_activities_round_trip_without_losing_fields(string json)
    {
        var activity = JsonSerializer.Deserialize<Activity>(json, ProtocolJson.Options)!;
        var written = JsonSerializer.Serialize(activity, ProtocolJson.Options);

        AssertSemanticallyEqual(JsonNode.Parse(json)!, JsonNode.Parse(written)!, "$");
    }

    [Fact]
    public void Modelled_fields_are_read_into_their_properties()
    {
        var activity = JsonSerializer.Deserialize<Activity>(AdaptiveCardAction, ProtocolJson.Options)!;

        Assert.Equal(ActivityTypes.Invoke, activity.Type);
        Assert.Equal("adaptiveCard/action", activity.Name);
        Assert.Equal("status", activity.Value!["action"]!["verb"]!.GetValue<string>());
        Assert.Equal("t1", activity.GetTenantId());
        Assert.Equal(new DateTimeOffset(2024, 6, 10, 10, 20, 0, 500, TimeSpan.FromHours(2)), activity.LocalTimestamp);
        Assert.True(activity.Properties!.ContainsKey("someFutureField"));
    }

    [Fact]
    public void Nulls_are_omitted_and_names_are_camel_case()
    {
        var written = JsonSerializer.Serialize(MessageFactory.Text("hei"), ProtocolJson.Options);

        Assert.Equal("""{"type":"message","textFormat":"markdown","text":"hei"}""", written);
    }

    /// <summary>Same JSON up to property order and the spelling of the same instant (".5Z" vs ".5000000+00:00").</summary>
    private static void AssertSemanticallyEqual(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case null:
                Assert.True(actual is null, $"{path}: expected null, got {actual?.ToJsonString()}");
                break;
            case JsonObject expectedObject:
                var actualObject = Assert.IsType<JsonObject>(actual);
                Assert.True(
                    expectedObject.Select(p => p.Key).Order().SequenceEqual(actualObject.Select(p => p.Key).Order()),
                    $"{path}: properties differ: expected [{string.Join(",", expectedObject.Select(p => p.Key))}], got [{string.Join(",", actualObject.Select(p => p.Key))}]");
                foreach (var (name, value) in expectedObject)
                {
                    AssertSemanticallyEqual(value, actualObject[name], $"{path}.{name}");
                }

                break;
            case JsonArray expectedArray:
                var actualArray = Assert.IsType<JsonArray>(actual);
                Assert.Equal(expectedArray.Count, actualArray.Count);
                for (var i = 0; i < expectedArray.Count; i++)
                {
                    AssertSemanticallyEqual(expectedArray[i], actualArray[i], $"{path}[{i}]");
                }

                break;
            default:
                Assert.NotNull(actual);
                if (expected.GetValueKind() == JsonValueKind.String && actual.GetValueKind() == JsonValueKind.String
                    && DateTimeOffset.TryParse(expected.GetValue<string>(), out var expectedTime)
                    && DateTimeOffset.TryParse(actual.GetValue<string>(), out var actualTime))
                {
                    Assert.Equal(expectedTime, actualTime);
                    Assert.Equal(expectedTime.Offset, actualTime.Offset);
                    break;
                }

                Assert.True(JsonNode.DeepEquals(expected, actual), $"{path}: expected {expected.ToJsonString()}, got {actual.ToJsonString()}");
                break;
        }
    }
}
