using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LhlBot.Storage;

/// <summary>
/// Who may run a periodic job until when. A background job on several bot instances runs once per interval across
/// all of them: each instance's timer asks for the lease, and only the one whose conditional update (or first insert)
/// succeeds runs it; the others skip until the lease has run out.
/// </summary>
internal sealed class JobLease
{
    public required string Name { get; init; }
    public required string Holder { get; set; }
    public DateTime LeasedUntilUtc { get; set; }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> builder)
    {
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(64);
        builder.Property(l => l.Holder).HasMaxLength(128);
        builder.Property(l => l.LeasedUntilUtc).HasConversion(Bookings.UtcDateTime.Converter);
    }
}

/// <summary>Takes a <see cref="JobLease"/> for this process.</summary>
internal sealed class JobLeases(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>This process, as a lease holder (host name and process id, for the operator reading the table).</summary>
    public string Holder { get; } = Truncate($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}", 128);

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    /// <returns>True when this process holds the lease for <paramref name="duration"/> from now and should run the job.</returns>
    public async Task<bool> TryAcquireAsync(string name, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + duration;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LhlDbContext>();
        var holder = Holder;
        var taken = await db.Set<JobLease>()
            .Where(l => l.Name == name && l.LeasedUntilUtc <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.LeasedUntilUtc, until), cancellationToken);
        if (taken == 1) return true;
        if (await db.Set<JobLease>().AnyAsync(l => l.Name == name, cancellationToken)) return false; // someone else holds it
        db.Add(new JobLease { Name = name, Holder = holder, LeasedUntilUtc = until });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (StorageErrors.IsUniqueViolation(ex))
        {
            return false; // another instance inserted it first
        }
    }
}
