using LhlBot.Bookings.Slots;
using LhlBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LhlBot.Bookings;

/// <summary>What the contact asked for, before a time is chosen.</summary>
internal sealed record BookingDraft(string MunicipalityNumber, int OfficeId, MeetingWith With, string Topic, string Format, string? Place, string Description);

internal enum BookingOutcome
{
    /// <summary>Committed now, or by an earlier attempt of the same turn.</summary>
    Done,
    /// <summary>Someone else got the time first (or it is no longer free); nothing was written.</summary>
    Taken,
    NotFound,
}

internal sealed record BookingResult(BookingOutcome Outcome, Booking? Booking);

/// <summary>
/// Every write that claims or frees advisors' time. Unlike the rest of a turn, which is saved once at its end, these
/// writes are committed at once, in a DbContext of their own: the contact must learn in this very turn whether the
/// time is theirs, and only the database can decide that when two people (or two bot instances) take the last time
/// together — the unique index on <see cref="AdvisorSlotClaim"/> (advisor, cell) lets exactly one insert succeed.
/// A fresh context commits only the booking, not the turn's half-finished state. The booking id is chosen before
/// the write and kept in the dialog state, so a turn that is retried finds its booking instead of booking twice.
/// </summary>
internal sealed class BookingStore(IServiceScopeFactory scopes, IOptions<BookingOptions> options, TimeProvider clock, Hosting.BotTelemetry telemetry, ILogger<BookingStore> logger)
{
    public async Task<BookingResult> BookAsync(Guid id, BookingDraft draft, DateTime startUtc, int bookedByPersonId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LhlDbContext>();
        if (await LoadAsync(db, id, cancellationToken) is { } existing) return new(BookingOutcome.Done, existing);

        var slot = await scope.ServiceProvider.GetRequiredService<SlotQuery>().FindAtAsync(draft.OfficeId, draft.With, startUtc, null, cancellationToken);
        if (slot is null) return new(BookingOutcome.Taken, null);

        var booking = new Booking
        {
            Id = id,
            MunicipalityNumber = draft.MunicipalityNumber,
            OfficeId = draft.OfficeId,
            With = draft.With,
            Topic = draft.Topic,
            Format = draft.Format,
            Place = draft.Place,
            Description = draft.Description,
            StartUtc = slot.StartUtc,
            EndUtc = slot.EndUtc,
            Status = BookingStatus.Booked,
            BookedByPersonId = bookedByPersonId,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        booking.Advisors.AddRange(slot.Advisors.Select(a => new BookingAdvisor { BookingId = id, PersonId = a.PersonId, Organisation = a.Organisation }));
        db.Add(booking);
        AddClaims(db, booking);
        if (!await TrySaveAsync(db, cancellationToken)) return new(BookingOutcome.Taken, null);
        logger.LogInformation("Booking {BookingId} for {Municipality} at {Start:o} with {Advisors}.", id, draft.MunicipalityNumber, slot.StartUtc, string.Join(",", slot.Advisors.Select(a => a.PersonId)));
        return new(BookingOutcome.Done, await LoadAsync(db, id, cancellationToken));
    }

    /// <summary>Moves a booking: frees its cells and claims the new ones in one transaction, so a lost race leaves the old time booked.</summary>
    public async Task<BookingResult> RescheduleAsync(Guid id, DateTime newStartUtc, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LhlDbContext>();
        var booking = await LoadAsync(db, id, cancellationToken);
        if (booking is null || booking.Status != BookingStatus.Booked) return new(BookingOutcome.NotFound, booking);
        if (booking.StartUtc == newStartUtc) return new(BookingOutcome.Done, booking); // a retried turn

        var slot = await scope.ServiceProvider.GetRequiredService<SlotQuery>().FindAtAsync(booking.OfficeId, booking.With, newStartUtc, id, cancellationToken);
        if (slot is null) return new(BookingOutcome.Taken, booking);

        // Old cells are removed and new ones added in the same SaveChanges (one transaction).
        db.RemoveRange(await db.Set<AdvisorSlotClaim>().Where(c => c.BookingId == id).ToListAsync(cancellationToken));
        booking.StartUtc = slot.StartUtc;
        booking.EndUtc = slot.EndUtc;
        booking.Sequence++;
        booking.ReminderClaimedUtc = null;
        // The same people keep the meeting when they are free; otherwise the free colleague of that organisation takes it.
        var keep = booking.Advisors.Select(a => a.PersonId).ToHashSet();
        if (!slot.Advisors.All(a => keep.Contains(a.PersonId)))
        {
            db.RemoveRange(booking.Advisors);
            booking.Advisors.Clear();
            booking.Advisors.AddRange(slot.Advisors.Select(a => new BookingAdvisor { BookingId = id, PersonId = a.PersonId, Organisation = a.Organisation }));
        }
        AddClaims(db, booking);
        if (!await TrySaveAsync(db, cancellationToken)) return new(BookingOutcome.Taken, null);
        return new(BookingOutcome.Done, await LoadAsync(db, id, cancellationToken));
    }

    public async Task<BookingResult> CancelAsync(Guid id, int byPersonId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LhlDbContext>();
        var booking = await LoadAsync(db, id, cancellationToken);
        if (booking is null) return new(BookingOutcome.NotFound, null);
        if (booking.Status == BookingStatus.Cancelled) return new(BookingOutcome.Done, booking);
        booking.Status = BookingStatus.Cancelled;
        booking.CancelledUtc = clock.GetUtcNow().UtcDateTime;
        booking.CancelledByPersonId = byPersonId;
        booking.Sequence++;
        db.RemoveRange(await db.Set<AdvisorSlotClaim>().Where(c => c.BookingId == id).ToListAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return new(BookingOutcome.Done, booking);
    }

    public static Task<Booking?> LoadAsync(LhlDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.Set<Booking>().Include(b => b.Advisors).ThenInclude(a => a.Person).Include(b => b.BookedBy)
            .FirstOrDefaultAsync(b => b.Id == id, cancellationToken);

    private void AddClaims(LhlDbContext db, Booking booking)
    {
        var cells = SlotFinder.Cells(booking.StartUtc, booking.EndUtc.AddMinutes(options.Value.BufferMinutes), options.Value.SlotStepMinutes);
        foreach (var advisor in booking.Advisors)
        {
            foreach (var cell in cells) db.Add(new AdvisorSlotClaim { BookingId = booking.Id, PersonId = advisor.PersonId, CellStartUtc = cell });
        }
    }

    /// <summary>Saves; false when the unique index refused a claim because another booking got there first.</summary>
    private async Task<bool> TrySaveAsync(LhlDbContext db, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (StorageErrors.IsUniqueViolation(ex))
        {
            await transaction.RollbackAsync(cancellationToken);
            telemetry.BookingConflicts.Add(1);
            logger.LogInformation("A booking lost the race for its time: {Message}", ex.InnerException!.Message);
            return false;
        }
    }
}
