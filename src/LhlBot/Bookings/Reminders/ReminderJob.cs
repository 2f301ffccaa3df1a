using LhlBot.Bookings.Notifications;
using LhlBot.Bookings.Slots;
using LhlBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LhlBot.Bookings.Reminders;

/// <summary>
/// The day-before reminder: finds active bookings that start tomorrow (Oslo date) without a reminder, claims each
/// in the database with a conditional update before sending — so across restarts and two bot instances every
/// booking gets at most one reminder — and tells everyone in the meeting.
/// </summary>
internal sealed class ReminderJob(IServiceScopeFactory scopes, BookingNotifier notifier, TimeProvider clock, ILogger<ReminderJob> logger)
{
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
                .Where(b => b.Status == BookingStatus.Booked && b.ReminderClaimedUtc == null && b.StartUtc >= fromUtc && b.StartUtc < toUtc)
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
            await notifier.NotifyAsync(id, BookingChange.Reminder, null, cancellationToken);
            sent++;
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
