using LhlBot.Bookings.Notifications;
using LhlBot.Bookings.Slots;
using LhlBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LhlBot.Bookings.Reminders;

/// <summary>
/// The day-before reminder: finds active bookings that start tomorrow (Oslo date) without a reminder, claims each
/// in the database with a conditional update before sending — so across restarts and two bot instances every
/// booking gets at most one reminder — and tells everyone in the meeting. A reminder counts as sent only when it
/// reached everyone the bot can reach; otherwise the claim is released and the send is tried again after 5, 10,
/// 20, … minutes, up to <see cref="MaxAttempts"/> times, after which the failure is logged as an error.
/// </summary>
internal sealed class ReminderJob(IServiceScopeFactory scopes, BookingNotifier notifier, TimeProvider clock, ILogger<ReminderJob> logger)
{
    /// <summary>Six tries over about five hours: still the day before the meeting.</summary>
    public const int MaxAttempts = 6;
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMinutes(5);

    /// <returns>How many bookings this run reminded about.</returns>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var tomorrow = SlotFinder.Today(now).AddDays(1);
        var fromUtc = SlotFinder.FromOslo(tomorrow, TimeOnly.MinValue);
        var toUtc = SlotFinder.FromOslo(tomorrow.AddDays(1), TimeOnly.MinValue);
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LhlDbContext>();
            due = await db.Set<Booking>()
                .Where(b => b.Status == BookingStatus.Booked && b.ReminderClaimedUtc == null && b.StartUtc >= fromUtc && b.StartUtc < toUtc
                    && b.ReminderAttempts < MaxAttempts && (b.ReminderRetryUtc == null || b.ReminderRetryUtc <= now.UtcDateTime))
                .Select(b => b.Id).ToListAsync(cancellationToken);
        }
        var sent = 0;
        foreach (var id in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LhlDbContext>();
            var claimedAt = now.UtcDateTime;
            var claimed = await db.Set<Booking>()
                .Where(b => b.Id == id && b.ReminderClaimedUtc == null && b.Status == BookingStatus.Booked)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.ReminderClaimedUtc, claimedAt), cancellationToken);
            if (claimed != 1) continue; // another instance has it
            if (await notifier.NotifyAsync(id, BookingChange.Reminder, null, cancellationToken))
            {
                sent++;
                continue;
            }
            var attempts = await db.Set<Booking>().Where(b => b.Id == id).Select(b => b.ReminderAttempts).SingleAsync(cancellationToken) + 1;
            var retry = now.UtcDateTime + FirstRetry * Math.Pow(2, attempts - 1);
            await db.Set<Booking>().Where(b => b.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(b => b.ReminderClaimedUtc, (DateTime?)null)
                .SetProperty(b => b.ReminderAttempts, attempts)
                .SetProperty(b => b.ReminderRetryUtc, retry), cancellationToken);
            if (attempts >= MaxAttempts)
                logger.LogError("The reminder for booking {BookingId} could not be delivered after {Attempts} attempts; the people in it were not reminded.", id, attempts);
            else
                logger.LogWarning("The reminder for booking {BookingId} was not delivered (attempt {Attempt} of {Max}); trying again at {Retry:O}.", id, attempts, MaxAttempts, retry);
        }
        if (sent > 0) logger.LogInformation("Sent reminders for {Count} bookings starting {Date}.", sent, tomorrow);
        return sent;
    }
}

/// <summary>Runs <see cref="ReminderJob"/> every <see cref="BookingOptions.ReminderIntervalMinutes"/> minutes while the bot serves.</summary>
internal sealed class ReminderService(ReminderJob job, IOptions<BookingOptions> options, Hosting.Readiness readiness, ILogger<ReminderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = options.Value.ReminderIntervalMinutes;
        if (minutes <= 0) return;
        await readiness.WaitForDatabaseAsync(stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes));
        do
        {
            try
            {
                await job.RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The reminder run failed; trying again in {Minutes} minutes.", minutes);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
