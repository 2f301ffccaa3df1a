using System.Net;
using System.Net.Http.Headers;

namespace LhlBot.Protocol;

/// <summary>When and how long to wait before retrying a connector call (Teams' guidance: exponential backoff with jitter).</summary>
internal static class RetryDelays
{
    public static bool IsRetryable(HttpStatusCode status) => status is
        HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway
        or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>The service's Retry-After if it gave one, else base * 2^attempt with ±25 % jitter; never more than <paramref name="cap"/>.</summary>
    public static TimeSpan For(int attempt, RetryConditionHeaderValue? retryAfter, TimeSpan baseDelay, TimeSpan cap, DateTimeOffset now)
    {
        TimeSpan delay;
        if (retryAfter?.Delta is { } delta)
        {
            delay = delta;
        }
        else if (retryAfter?.Date is { } date)
        {
            delay = date - now;
        }
        else
        {
            var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, attempt);
            delay = TimeSpan.FromMilliseconds(exponential * (0.75 + Random.Shared.NextDouble() * 0.5));
        }

        if (delay < TimeSpan.Zero)
        {
            delay = TimeSpan.Zero;
        }

        return delay > cap ? cap : delay;
    }
}
