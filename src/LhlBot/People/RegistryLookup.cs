using System.Globalization;
using System.Text;
using LhlBot.Conversations;
using LhlBot.Municipalities;
using LhlBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace LhlBot.People;

/// <summary>A municipality as the lookup knows it, detached from any DbContext.</summary>
internal sealed record MunicipalityEntry(string Number, string Name, string County, int OfficeId, string OfficeName)
{
    /// <summary>"Herøy (Nordland)" where the name alone is shared by several municipalities.</summary>
    public string UniqueName { get; init; } = Name;
}

internal sealed record OfficeEntry(int Id, string Name, string DisplayName, IReadOnlyList<string> FormerNames);

/// <summary>The outcome of reading a typed municipality or office: one match, several, or none.</summary>
internal sealed record Lookup<T>(T? Match, IReadOnlyList<T> Candidates) where T : class
{
    public bool Found => Match is not null;
}

/// <summary>
/// Resolves what people type for a municipality or an office: numbers ("1804"), names in any case, with or
/// without æøå, Sami and bokmål names ("Kárášjohka", "Karasjok"), shared names with a county ("Herøy i Nordland"),
/// and offices as "Nordland", "Statsforvalteren i Nordland", "Fylkesmannen i Nordland" or a former name
/// ("Oslo og Viken"). The registry changes only at start-up, so it is read once and kept.
/// </summary>
internal sealed class RegistryLookup(IServiceScopeFactory scopes)
{
    private static readonly string[] OfficePrefixes = ["statsforvalteren i", "statsforvaltaren i", "fylkesmannen i", "fylkesmann i", "sf", "fm"];
    private static readonly string[] MunicipalitySuffixes = ["kommune", "kommunen", "kommunes"];

    private readonly Lazy<(IReadOnlyList<MunicipalityEntry> Municipalities, IReadOnlyList<OfficeEntry> Offices)> data = new(() => Load(scopes));

    public IReadOnlyList<MunicipalityEntry> Municipalities => data.Value.Municipalities;

    public IReadOnlyList<OfficeEntry> Offices => data.Value.Offices;

    public MunicipalityEntry? ByNumber(string number) => Municipalities.FirstOrDefault(m => m.Number == number);

    public OfficeEntry? OfficeById(int id) => Offices.FirstOrDefault(o => o.Id == id);

    public Lookup<MunicipalityEntry> FindMunicipality(string typed)
    {
        var text = typed.Trim();
        if (text.Length == 4 && text.All(char.IsDigit))
        {
            var byNumber = ByNumber(text);
            return new(byNumber, byNumber is null ? [] : [byNumber]);
        }
        var key = Key(text);
        foreach (var suffix in MunicipalitySuffixes)
        {
            if (key.EndsWith(" " + suffix, StringComparison.Ordinal)) key = key[..^(suffix.Length + 1)];
        }
        if (key.Length == 0) return new(null, []);

        var exact = Municipalities.Where(m => Names(m).Contains(key)).ToList();
        if (exact.Count == 1) return new(exact[0], exact);
        if (exact.Count > 1) return new(null, exact);

        // "Herøy i Nordland", "Herøy (Nordland)", "Våler Innlandet": a shared name followed by its county or office.
        var qualified = Municipalities.Where(m => Names(m).Any(n => key.StartsWith(n + " ", StringComparison.Ordinal)
            && Qualifier(key[(n.Length + 1)..]) is { Length: > 0 } rest
            && (Key(m.County) == rest || Key(m.OfficeName) == rest))).ToList();
        if (qualified.Count == 1) return new(qualified[0], qualified);

        var prefix = key.Length >= 3 ? Municipalities.Where(m => Names(m).Any(n => n.StartsWith(key, StringComparison.Ordinal))).ToList() : [];
        return prefix.Count == 1 ? new(prefix[0], prefix) : new(null, prefix);
    }

    public Lookup<OfficeEntry> FindOffice(string typed)
    {
        var key = Key(typed);
        foreach (var prefix in OfficePrefixes)
        {
            if (key.StartsWith(prefix + " ", StringComparison.Ordinal)) key = key[(prefix.Length + 1)..];
        }
        if (key.Length == 0) return new(null, []);
        var exact = Offices.Where(o => Key(o.Name) == key || o.FormerNames.Any(f => Key(f) == key)).ToList();
        if (exact.Count == 1) return new(exact[0], exact);
        var prefixed = Offices.Where(o => Key(o.Name).StartsWith(key, StringComparison.Ordinal) || o.FormerNames.Any(f => Key(f).StartsWith(key, StringComparison.Ordinal))).ToList();
        return prefixed.Count == 1 ? new(prefixed[0], prefixed) : new(null, prefixed);
    }

    /// <summary>A message for a municipality that was not found or is ambiguous (Norwegian).</summary>
    public static string Explain(string typed, Lookup<MunicipalityEntry> lookup) => lookup.Candidates.Count > 1
        ? $"«{typed}» kan være flere kommuner: {string.Join(", ", lookup.Candidates.Take(8).Select(c => $"{c.UniqueName} ({c.Number})"))}. Skriv kommunenummeret eller navnet med fylke, for eksempel «{lookup.Candidates[0].Name} i {lookup.Candidates[0].County}»."
        : $"Jeg finner ingen kommune som heter «{typed}». Skriv kommunenavnet eller det firesifrede kommunenummeret.";

    /// <summary>Case, æøå/ae-o-aa and accents folded away, so "Kárášjohka", "karasjohka" and "KARASJOHKA" match.</summary>
    internal static string Key(string text)
    {
        var normalized = TextMatching.Normalize(text).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) builder.Append(c);
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private static string Qualifier(string rest)
    {
        var key = rest.Trim();
        foreach (var word in new[] { "i ", "pa ", "paa " })
        {
            if (key.StartsWith(word, StringComparison.Ordinal)) return key[word.Length..];
        }
        return key;
    }

    private static HashSet<string> Names(MunicipalityEntry m) =>
        m.Name.Split(" - ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Key).Append(Key(m.Name)).ToHashSet();

    private static (IReadOnlyList<MunicipalityEntry>, IReadOnlyList<OfficeEntry>) Load(IServiceScopeFactory scopes)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LhlDbContext>();
        var offices = db.Set<Office>().AsNoTracking().OrderBy(o => o.Name).ToList()
            .Select(o => new OfficeEntry(o.Id, o.Name, o.DisplayName, o.FormerNames.Split('|', StringSplitOptions.RemoveEmptyEntries)))
            .ToList();
        var names = offices.ToDictionary(o => o.Id, o => o.Name);
        var municipalities = db.Set<Municipality>().AsNoTracking().OrderBy(m => m.Number).ToList()
            .Select(m => new MunicipalityEntry(m.Number, m.Name, m.County, m.OfficeId, names[m.OfficeId]))
            .ToList();
        var shared = municipalities.GroupBy(m => Key(m.Name)).Where(g => g.Count() > 1).SelectMany(g => g).Select(m => m.Number).ToHashSet();
        return (municipalities.Select(m => shared.Contains(m.Number) ? m with { UniqueName = $"{m.Name} ({m.County})" } : m).ToList(), offices);
    }
}
