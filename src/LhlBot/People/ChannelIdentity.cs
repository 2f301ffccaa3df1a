using LhlBot.Hosting;
using LhlBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LhlBot.People;

/// <summary>
/// An account on a channel other than Teams (Web Chat, Direct Line, …) that an administrator has tied to a person.
/// Such channels do not vouch for an Entra identity, so without a mapping their users are unknown to the bot.
/// </summary>
internal sealed class ChannelIdentity
{
    public int Id { get; init; }
    public required string ChannelId { get; init; }
    public required string UserId { get; init; }
    public int PersonId { get; init; }
    public Person? Person { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class ChannelIdentityConfiguration : IEntityTypeConfiguration<ChannelIdentity>
{
    public void Configure(EntityTypeBuilder<ChannelIdentity> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.ChannelId).HasMaxLength(64);
        builder.Property(c => c.UserId).HasMaxLength(256);
        builder.HasIndex(c => new { c.ChannelId, c.UserId }).IsUnique();
        builder.HasOne(c => c.Person).WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>`people map CHANNEL USER-ID EMAIL`: the operator ties a non-Teams channel account to a known person (audited).</summary>
internal sealed class PeopleMapCliCommand(IServiceScopeFactory scopes) : ICliCommand
{
    public string Name => "people map";
    public string Usage => "people map KANAL BRUKER-ID EPOST   – knytt en bruker på en annen kanal enn Teams (webchat, directline) til en kjent person";

    public async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        if (args.Length != 3)
        {
            output.WriteLine("Bruk: " + Usage);
            return 2;
        }
        var (channel, userId, email) = (args[0].Trim(), args[1].Trim(), args[2].Trim().ToLowerInvariant());
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LhlDbContext>();
        var person = await db.Set<Person>().FirstOrDefaultAsync(p => p.Email == email, cancellationToken);
        if (person is null)
        {
            output.WriteLine($"Finner ingen person med e-postadressen {email}. Importer personen først.");
            return 1;
        }
        if (await db.Set<ChannelIdentity>().AnyAsync(c => c.ChannelId == channel && c.UserId == userId, cancellationToken))
        {
            output.WriteLine($"{channel}-brukeren {userId} er allerede knyttet til en person.");
            return 1;
        }
        db.Add(new ChannelIdentity { ChannelId = channel, UserId = userId, PersonId = person.Id, CreatedAt = DateTimeOffset.UtcNow });
        scope.ServiceProvider.GetRequiredService<RoleAudit>().Record(null, "cli", person, RoleAuditAction.ChannelMapped, $"{channel}-bruker {userId}");
        await db.SaveChangesAsync(cancellationToken);
        output.WriteLine($"{channel}-brukeren {userId} er nå {person.Name} ({email}).");
        return 0;
    }
}
