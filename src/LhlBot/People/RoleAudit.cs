using System.Text;
using LhlBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LhlBot.People;

/// <summary>What happened to a person's roles or identity; one audit row each.</summary>
internal enum RoleAuditAction
{
    RoleGranted,
    ClaimFiled,
    ClaimApproved,
    ClaimRejected,
    IdentityChanged,
    ChannelMapped,
}

/// <summary>
/// One change to who someone is or what they may do: written in the same transaction as the change itself, so the
/// log never misses a change nor records one that did not happen. Names are copied, so the row still reads after
/// a person is renamed or removed. Administrators read it in Teams («rollelogg») and with `roles log`.
/// </summary>
internal sealed class RoleAuditEntry
{
    public long Id { get; init; }
    public DateTimeOffset At { get; init; }
    /// <summary>Who made the change; null for the command-line operator (or the person themself for a claim).</summary>
    public int? ActorPersonId { get; init; }
    public required string ActorName { get; init; }
    public int? SubjectPersonId { get; set; }
    public required string SubjectName { get; init; }
    public RoleAuditAction Action { get; init; }
    /// <summary>What changed, in Norwegian: «kontaktperson for Bodø (1804)», «objekt-id a → b».</summary>
    public required string Detail { get; init; }
    /// <summary>Where: «teams», «cli».</summary>
    public required string Source { get; init; }
    /// <summary>The person entity, so a person created in the same transaction gets its id filled in.</summary>
    public Person? Subject { get; init; }
}

internal sealed class RoleAuditEntryConfiguration : IEntityTypeConfiguration<RoleAuditEntry>
{
    public void Configure(EntityTypeBuilder<RoleAuditEntry> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.ActorName).HasMaxLength(200);
        builder.Property(e => e.SubjectName).HasMaxLength(200);
        builder.Property(e => e.Detail).HasMaxLength(1000);
        builder.Property(e => e.Source).HasMaxLength(16);
        builder.HasIndex(e => e.At);
        // The log outlives the person it is about.
        builder.HasOne(e => e.Subject).WithMany().HasForeignKey(e => e.SubjectPersonId).OnDelete(DeleteBehavior.SetNull);
    }
}

/// <summary>Adds audit rows to the turn's (or command's) DbContext; the caller's save commits them with the change.</summary>
internal sealed class RoleAudit(LhlDbContext db, RegistryLookup registry, TimeProvider clock)
{
    public void Record(Person? actor, string source, Person subject, RoleAuditAction action, string detail) =>
        db.Add(new RoleAuditEntry
        {
            At = clock.GetUtcNow(),
            ActorPersonId = actor?.Id is > 0 ? actor.Id : null,
            ActorName = actor?.Name ?? "kommandolinjen",
            Subject = subject,
            SubjectName = subject.Name,
            Action = action,
            Detail = detail,
            Source = source,
        });

    /// <summary>«kontaktperson for Bodø (1804)», «rådgiver (KS) for Statsforvalteren i Nordland», «administrator».</summary>
    public string Describe(Role role, string? municipalityNumber, int? officeId, Organisation? organisation) => role switch
    {
        Role.MunicipalityContact => $"kontaktperson for {registry.ByNumber(municipalityNumber ?? "")?.UniqueName ?? municipalityNumber} ({municipalityNumber})",
        Role.Advisor => $"rådgiver ({organisation}) for {registry.OfficeById(officeId ?? 0)?.DisplayName ?? officeId?.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
        Role.National => "nasjonal (Helsedirektoratet)",
        _ => "administrator",
    };

    public async Task<List<RoleAuditEntry>> LatestAsync(int count, CancellationToken cancellationToken)
    {
        // SQLite cannot order by DateTimeOffset; the id grows with time.
        return await db.Set<RoleAuditEntry>().AsNoTracking().OrderByDescending(e => e.Id).Take(count).ToListAsync(cancellationToken);
    }

    public static string Format(IEnumerable<RoleAuditEntry> entries)
    {
        var text = new StringBuilder();
        foreach (var e in entries)
        {
            text.Append(e.At.ToOffset(TimeSpan.Zero).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)).Append(" UTC · ")
                .Append(Verb(e.Action)).Append(": ").Append(e.SubjectName).Append(" – ").Append(e.Detail)
                .Append(" (av ").Append(e.ActorName).Append(", ").Append(e.Source).AppendLine(")");
        }
        return text.ToString();
    }

    private static string Verb(RoleAuditAction action) => action switch
    {
        RoleAuditAction.RoleGranted => "Rolle gitt",
        RoleAuditAction.ClaimFiled => "Meldt seg",
        RoleAuditAction.ClaimApproved => "Godkjent",
        RoleAuditAction.ClaimRejected => "Avvist",
        RoleAuditAction.IdentityChanged => "Identitet endret",
        _ => "Kanal koblet",
    };
}
