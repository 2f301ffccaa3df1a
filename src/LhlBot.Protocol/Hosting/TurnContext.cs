namespace LhlBot.Protocol;

/// <summary>
/// One turn: the incoming activity and the ways to answer it. Outgoing activities are addressed from the
/// incoming one (the SDK's ApplyConversationReference) and go to the connector as replies, or into a buffer
/// when the caller expects the replies in the HTTP response.
/// </summary>
internal sealed class TurnContext : ITurnContext
{
    /// <summary>TurnState key of the invokeResponse activity the bot sent, as in the SDK.</summary>
    public const string InvokeResponseKey = "BotFrameworkAdapter.InvokeResponse";

    private readonly Lock _gate = new();
    private readonly List<Activity> _bufferedReplies = [];
    private bool _responded;

    public TurnContext(Activity activity, IConnectorClient connector)
    {
        Activity = activity;
        Connector = connector;
    }

    public Activity Activity { get; }

    public IConnectorClient Connector { get; }

    public IDictionary<string, object> TurnState { get; } = new Dictionary<string, object>(StringComparer.Ordinal);

    public bool Responded
    {
        get { lock (_gate) { return _responded; } }
    }

    /// <summary>Whether replies are collected for the HTTP response instead of being sent.</summary>
    public bool BuffersReplies => string.Equals(Activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.OrdinalIgnoreCase);

    public IReadOnlyList<Activity> BufferedReplies
    {
        get { lock (_gate) { return [.. _bufferedReplies]; } }
    }

    public async Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        var responses = await SendActivitiesAsync([activity], cancellationToken).ConfigureAwait(false);
        return responses[0];
    }

    public async Task<ResourceResponse[]> SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default)
    {
        var responses = new ResourceResponse[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i];
            ApplyConversationReference(activity);
            responses[i] = await DeliverAsync(activity, cancellationToken).ConfigureAwait(false);

            // A typing indicator is not an answer; middleware sends it while the bot is still thinking.
            if (activity.Type != ActivityTypes.Typing)
            {
                lock (_gate) { _responded = true; }
            }
        }

        return responses;
    }

    public Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(activity.Id, "activity.Id");
        ApplyConversationReference(activity);
        activity.ReplyToId = null;
        return Connector.UpdateActivityAsync(Activity.ServiceUrl ?? "", Activity.Conversation?.Id ?? "", activity.Id, activity, cancellationToken);
    }

    public Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken = default) =>
        Connector.DeleteActivityAsync(Activity.ServiceUrl ?? "", Activity.Conversation?.Id ?? "", activityId, cancellationToken);

    private async Task<ResourceResponse> DeliverAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Type == ActivityTypes.InvokeResponse)
        {
            TurnState[InvokeResponseKey] = activity;
            return new ResourceResponse();
        }

        if (BuffersReplies)
        {
            lock (_gate) { _bufferedReplies.Add(activity); }
            return new ResourceResponse();
        }

        var serviceUrl = activity.ServiceUrl ?? "";
        var conversationId = activity.Conversation?.Id ?? "";
        return string.IsNullOrEmpty(activity.ReplyToId)
            ? await Connector.SendToConversationAsync(serviceUrl, conversationId, activity, cancellationToken).ConfigureAwait(false)
            : await Connector.ReplyToActivityAsync(serviceUrl, conversationId, activity.ReplyToId, activity, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Addresses an outgoing activity from the incoming one, as the SDK does.</summary>
    private void ApplyConversationReference(Activity outgoing)
    {
        var incoming = Activity;
        outgoing.ChannelId = incoming.ChannelId;
        outgoing.ServiceUrl = incoming.ServiceUrl;
        outgoing.Conversation = incoming.Conversation;
        outgoing.From = incoming.Recipient;
        outgoing.Recipient = incoming.From;
        outgoing.Locale ??= incoming.Locale;
        if (outgoing.Type != ActivityTypes.Typing)
        {
            outgoing.ReplyToId ??= incoming.Id;
        }
    }
}
