using Microsoft.Extensions.Logging;

namespace LhlBot.Protocol;

/// <summary>
/// Rejected requests logged as one summary per interval: a flood of bad requests must not become a flood of log
/// lines. The first rejection is logged at once; later ones are counted and summarised when the interval is over.
/// </summary>
internal sealed class RejectionLog(ILogger logger, TimeProvider time, TimeSpan interval)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _addresses = new(StringComparer.Ordinal);
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private int _count;
    private string? _lastReason;

    /// <summary>How many summaries were written (for tests and diagnostics).</summary>
    public int Written { get; private set; }

    public void Record(string reason, string remoteAddress)
    {
        int count;
        int addresses;
        string? lastReason;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            _count++;
            _lastReason = reason;
            if (_addresses.Count < 1000) _addresses.Add(remoteAddress);
            if (now - _windowStart < interval) return;
            count = _count;
            addresses = _addresses.Count;
            lastReason = _lastReason;
            _count = 0;
            _addresses.Clear();
            _windowStart = now;
            Written++;
        }

        logger.LogWarning("Rejected {Count} inbound request(s) from {Addresses} address(es) since the last summary; latest reason: {Reason}. Next summary in {Interval} at the earliest.",
            count, addresses, lastReason?.Replace('\n', ' ').Replace('\r', ' '), interval);
    }
}
