using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LhlBot.People;

/// <summary>A person the bot knows: recognised in Teams by Entra object id, else by e-mail/UPN from the roster.</summary>
internal sealed class Person
{
    public int Id { get; init; }
    public required string Name { get; set; }
    /// <summary>Lower-cased e-mail or UPN; the key for imports and roster look-ups.</summary>
    public string? Email { get; set; }
    /// <summary>Entra ID (Azure AD) object id, Teams' <c>from.aadObjectId</c>.</summary>
    public string? AadObjectId { get; set; }
    /// <summary>The Entra tenant the object id belongs to, remembered the first time the person is seen in Teams.</summary>
    public string? TenantId { get; set; }
    /// <summary>Teams user id ("29:…"), known once the person has talked to the bot (for addressing, never for recognition).</summary>
    public string? ChannelUserId { get; set; }
    /// <summary>ConversationReference (JSON) of the person's 1:1 chat with the bot, for proactive messages.</summary>
    public string? ConversationReferenceJson { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    public List<RoleAssignment> Roles { get; } = [];
}

internal enum Role
{
    /// <summary>Kontaktperson for Leve hele livet in one or more municipalities.</summary>
    MunicipalityContact,
    /// <summary>Rådgiver in the regional support apparatus (Statsforvalteren, KS or USHT) for one office region.</summary>
    Advisor,
    /// <summary>Helsedirektoratet: sees every office.</summary>
    National,
    Administrator,
}

/// <summary>The organisations of the regional support apparatus (det regionale støtteapparatet).</summary>
internal enum Organisation
{
    Statsforvalteren,
    /// <summary>Kommunesektorens organisasjon.</summary>
    KS,
    /// <summary>Utviklingssenter for sykehjem og hjemmetjenester; each centre has its own name.</summary>
    USHT,
}

/// <summary>
/// What a person may do: contact for a municipality, advisor for an office region, national, administrator.
/// A municipality claimed by an unknown user waits unapproved until an advisor of that office approves it,
/// and gives no access until then.
/// </summary>
internal sealed class RoleAssignment
{
    public int Id { get; init; }
    public int PersonId { get; init; }
    public Person? Person { get; init; }
    public Role Role { get; init; }
    /// <summary>For <see cref="Role.MunicipalityContact"/>: the kommunenummer.</summary>
    public string? MunicipalityNumber { get; init; }
    /// <summary>For <see cref="Role.Advisor"/>: the Statsforvalter office region served.</summary>
    public int? OfficeId { get; init; }
    public Organisation? Organisation { get; init; }
    /// <summary>For USHT advisors: the centre's name.</summary>
    public string? Centre { get; init; }
    public bool Approved { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public int? ApprovedByPersonId { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.HasKey(p => p.Id);
        builder.HasIndex(p => p.Email).IsUnique();
        builder.HasIndex(p => p.AadObjectId).IsUnique();
        builder.HasIndex(p => p.ChannelUserId);
        builder.HasMany(p => p.Roles).WithOne(r => r.Person).HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Role).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Organisation).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(r => new { r.PersonId, r.Role, r.MunicipalityNumber, r.OfficeId }).IsUnique();
        builder.HasIndex(r => r.MunicipalityNumber);
        builder.HasIndex(r => r.OfficeId);
    }
}
