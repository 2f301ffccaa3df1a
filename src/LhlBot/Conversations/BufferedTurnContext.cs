using LhlBot.Protocol;

namespace LhlBot.Conversations;

/// <summary>
/// Holds back what a turn sends until its state is committed, so a turn retried after a concurrency
/// conflict (or one that failed) never shows the user answers from an attempt that did not count.
/// Typing indicators, updates and deletes go straight through.
/// </summary>
internal sealed class BufferedTurnContext(ITurnContext inner) : ITurnContext
{
    private readonly List<Activity> buffered = [];

    public Activity Activity => inner.Activity;
    public bool Responded => inner.Responded || buffered.Count > 0;
    public IDictionary<string, object> TurnState => inner.TurnState;
    public IConnectorClient Connector => inner.Connector;

    /// <summary>What this attempt has sent so far (tests and the question log read it).</summary>
    public IReadOnlyList<Activity> Buffered => buffered;

    public Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        if (activity.Type == ActivityTypes.Typing) return inner.SendActivityAsync(activity, cancellationToken);
        buffered.Add(activity);
        return Task.FromResult(new ResourceResponse());
    }

    public async Task<ResourceResponse[]> SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default)
    {
        var responses = new ResourceResponse[activities.Count];
        for (var i = 0; i < activities.Count; i++) responses[i] = await SendActivityAsync(activities[i], cancellationToken);
        return responses;
    }

    public Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default) =>
        inner.UpdateActivityAsync(activity, cancellationToken);

    public Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken = default) =>
        inner.DeleteActivityAsync(activityId, cancellationToken);

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (buffered.Count > 0) await inner.SendActivitiesAsync(buffered, cancellationToken);
        buffered.Clear();
    }
}
