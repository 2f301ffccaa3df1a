using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LhlBot.Knowledge;
using LhlBot.Knowledge.Records;
using LhlBot.People;
using LhlBot.Reform;
using LhlBot.StatusReports;
using LhlBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace LhlBot.Experiences;

/// <summary>
/// The experience bank's rules in one place: entries from a submitted report, who sees what (a private entry only
/// its municipality and its office), who may change what (the office's advisors edit and withdraw; a contact marks
/// their own municipality's entries «ikke del»). Writes never save: the turn commits them with the report.
/// </summary>
internal sealed partial class ExperienceBank(LhlDbContext db, RegistryLookup registry, KnowledgeBase knowledge, TimeProvider clock)
{
    public const int MaxText = 2000;

    /// <summary>
    /// Makes the report's measures entries of its round: a measure already there (same original text) keeps its
    /// edits and «ikke del»; a new one is added; one the new version no longer lists is superseded.
    /// </summary>
    public async Task<IReadOnlyList<Experience>> SyncFromReportAsync(StatusReport report, JsonObject answers, string submitterName, string? submitterEmail, CancellationToken cancellationToken)
    {
        var existing = await db.Set<Experience>()
            .Where(e => e.MunicipalityNumber == report.MunicipalityNumber && e.RoundId == report.RoundId && e.Source == ExperienceSource.Report)
            .ToListAsync(cancellationToken);
        var areas = answers[StatusReportForm.FocusAreasId] is JsonArray chosen ? chosen.Select(a => (string?)a).OfType<string>().ToList() : [];
        var measures = areas.Count == 0 ? [] : Split((string?)answers[StatusReportForm.MeasuresId]);
        var share = (string?)answers[StatusReportForm.MeasuresShareId] != StatusReportForm.DoNotShare;
        var contact = (string?)answers[StatusReportForm.MeasuresContactId] == StatusReportForm.ContactYes;
        var now = clock.GetUtcNow().UtcDateTime;
        var result = new List<Experience>();
        foreach (var measure in measures)
        {
            var entry = existing.FirstOrDefault(e => Same(e.OriginalText, measure));
            if (entry is null)
            {
                entry = new Experience
                {
                    MunicipalityNumber = report.MunicipalityNumber,
                    RoundId = report.RoundId,
                    Text = measure,
                    OriginalText = measure,
                    FocusAreas = string.Join(',', AreasOf(measure, areas)),
                    Source = ExperienceSource.Report,
                    CreatedUtc = now,
                    Shared = share,
                };
                db.Add(entry);
                existing.Add(entry);
            }
            else if (!share)
            {
                entry.Shared = false;
            }
            entry.Status = ExperienceStatus.Active;
            entry.ReportVersion = report.Version;
            entry.ContactName = contact ? submitterName : null;
            entry.ContactEmail = contact ? submitterEmail : null;
            entry.UpdatedUtc = now;
            entry.ChangedByName = submitterName;
            result.Add(entry);
        }
        foreach (var gone in existing.Where(e => e.Status == ExperienceStatus.Active && !result.Contains(e)))
        {
            gone.Status = ExperienceStatus.Superseded;
            gone.UpdatedUtc = now;
        }
        return result;
    }

    /// <summary>The measures of a report's free text: one a line (bullets and numbers taken off), or separated by semicolons.</summary>
    public static IReadOnlyList<string> Split(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 1) lines = lines[0].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return lines.Select(l => Bullet().Replace(l, "").Trim()).Where(l => l.Length >= 3)
            .Select(l => l.Length > MaxText ? l[..MaxText] : l).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>
    /// The focus areas a measure belongs to: the only one reported, or those whose words the measure uses (read
    /// by the same Norwegian analysis as the search: «måltidsvenner» is about «måltider»); else all reported.
    /// </summary>
    private IReadOnlyList<string> AreasOf(string measure, IReadOnlyList<string> areas)
    {
        if (areas.Count <= 1) return areas;
        using var index = knowledge.IndexRecords([new SearchRecord("measure", measure)]);
        var named = FocusArea.Choices.Where(c => areas.Contains(c.Value)
            && c.Synonyms.Prepend(c.Title).Any(phrase => index.Search(phrase, minCoverage: 0.5).Count > 0)).Select(c => c.Value).ToList();
        return named.Count > 0 ? named : areas;
    }

    private static bool Same(string a, string b) => string.Equals(Normalize(a), Normalize(b), StringComparison.Ordinal);

    private static string Normalize(string s) => Spaces().Replace(s.Trim().ToLowerInvariant(), " ").TrimEnd('.', '!', ' ');

    public Task<Experience?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Set<Experience>().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);

    /// <summary>Whether the person may see the entry: a shared active one everybody; a private one its municipality's contacts and office.</summary>
    public bool CanSee(Person? person, Experience entry)
    {
        if (entry.Status != ExperienceStatus.Active) return CanManage(person, entry);
        return entry.Shared || IsOwn(person, entry) || CanManage(person, entry);
    }

    /// <summary>Edit and withdraw: advisors of the municipality's office (Statsforvalteren, KS, USHT) and administrators.</summary>
    public bool CanManage(Person? person, Experience entry) =>
        person.Has(Role.Administrator)
        || registry.ByNumber(entry.MunicipalityNumber) is { } m && person.AdvisesOffices().Contains(m.OfficeId);

    /// <summary>«Ikke del» / «del»: the municipality's own contacts, and whoever manages the entry.</summary>
    public bool CanMarkSharing(Person? person, Experience entry) => IsOwn(person, entry) || CanManage(person, entry);

    private static bool IsOwn(Person? person, Experience entry) => person.ContactFor().Contains(entry.MunicipalityNumber);

    /// <summary>Active entries this person may see, newest first; optionally only those of some municipalities.</summary>
    public async Task<List<Experience>> VisibleAsync(Person? person, IReadOnlyCollection<string>? municipalities, CancellationToken cancellationToken)
    {
        var query = db.Set<Experience>().AsNoTracking().Where(e => e.Status == ExperienceStatus.Active);
        if (municipalities is not null) query = query.Where(e => municipalities.Contains(e.MunicipalityNumber));
        var entries = await query.ToListAsync(cancellationToken);
        return Newest(entries.Where(e => CanSee(person, e))).ToList();
    }

    /// <summary>Newest first: the latest round, then the latest added.</summary>
    public static IEnumerable<Experience> Newest(IEnumerable<Experience> entries) =>
        entries.OrderByDescending(e => e.RoundId, StringComparer.Ordinal).ThenByDescending(e => e.CreatedUtc).ThenByDescending(e => e.Id);

    public Experience Add(string municipalityNumber, string roundId, string text, string focusAreas, bool shared, string? contactName, string? contactEmail, string byName)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var entry = new Experience
        {
            MunicipalityNumber = municipalityNumber,
            RoundId = roundId,
            Text = text,
            OriginalText = text,
            FocusAreas = focusAreas,
            Shared = shared,
            Source = ExperienceSource.Advisor,
            ContactName = contactName,
            ContactEmail = contactEmail,
            Status = ExperienceStatus.Active,
            CreatedUtc = now,
            UpdatedUtc = now,
            ChangedByName = byName,
        };
        db.Add(entry);
        return entry;
    }

    public void Touch(Experience entry, string byName)
    {
        entry.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        entry.ChangedByName = byName;
    }

    [GeneratedRegex(@"^\s*([-–•*·]+|\d+[.)])\s*")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
