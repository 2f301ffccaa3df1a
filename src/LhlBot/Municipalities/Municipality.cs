using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LhlBot.Municipalities;

/// <summary>A municipality (kommune) in the registry, identified by its four-digit kommunenummer.</summary>
internal sealed class Municipality
{
    /// <summary>Kommunenummer, with its leading zero ("0301").</summary>
    public required string Number { get; init; }
    public required string Name { get; set; }
    public required string CountyNumber { get; set; }
    /// <summary>Fylke.</summary>
    public required string County { get; set; }
    public required int OfficeId { get; set; }
    public Office? Office { get; set; }
}

/// <summary>
/// A Statsforvalter office (embete), the regional office that reports for its municipalities.
/// Called "Fylkesmannen i …" until 2020; "Oslo og Viken" became "Østfold, Buskerud, Oslo og Akershus" in 2024.
/// </summary>
internal sealed class Office
{
    public int Id { get; init; }
    /// <summary>Short name as in the registry ("Nordland", "Østfold, Buskerud, Oslo og Akershus").</summary>
    public required string Name { get; set; }
    /// <summary>Former short names that users and older documents still use, separated by '|'.</summary>
    public string FormerNames { get; set; } = "";

    public string DisplayName => $"Statsforvalteren i {Name}";

    public List<Municipality> Municipalities { get; } = [];
}

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> builder)
    {
        builder.HasKey(m => m.Number);
        builder.Property(m => m.Number).HasMaxLength(4);
        builder.HasOne(m => m.Office).WithMany(o => o.Municipalities).HasForeignKey(m => m.OfficeId);
        builder.HasIndex(m => m.Name);
    }
}

internal sealed class OfficeConfiguration : IEntityTypeConfiguration<Office>
{
    public void Configure(EntityTypeBuilder<Office> builder)
    {
        builder.HasKey(o => o.Id);
        builder.HasIndex(o => o.Name).IsUnique();
    }
}
