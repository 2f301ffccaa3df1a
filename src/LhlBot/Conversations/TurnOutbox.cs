namespace LhlBot.Conversations;

/// <summary>
/// Work that must happen only once the turn's changes are committed (proactive messages to other people,
/// e-mails): a retried or failed turn must not have told anyone anything. Scoped to one turn attempt.
/// </summary>
internal sealed class TurnOutbox
{
    private readonly List<Func<CancellationToken, Task>> pending = [];

    public void AfterCommit(Func<CancellationToken, Task> work) => pending.Add(work);

    public IReadOnlyList<Func<CancellationToken, Task>> Pending => pending;
}
