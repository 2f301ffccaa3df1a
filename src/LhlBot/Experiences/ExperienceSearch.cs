using System.Text.RegularExpressions;
using LhlBot.Knowledge;
using LhlBot.Knowledge.Records;
using LhlBot.People;
using LhlBot.Reform;
using LhlBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LhlBot.Experiences;

/// <summary>What a question asked of the experience bank found: the entries, and the place the question named.</summary>
internal sealed record ExperienceMatches(IReadOnlyList<(Experience Entry, string Highlighted)> Entries, string? Place);

/// <summary>
/// The experience bank as a second source of the Norwegian search: active entries in a <see cref="RecordIndex"/>
/// built with the knowledge base's analysis. The index is rebuilt when the entries change (checked against the
/// database on every question, so an entry added on another bot instance is found too) or the knowledge is reindexed.
/// A place in the question («i Nordland», «fra Bodø») narrows to that office, county or municipality.
/// </summary>
internal sealed partial class ExperienceSearch(KnowledgeBase knowledge, RegistryLookup registry, IOptions<ExperienceOptions> options) : IDisposable
{
    private readonly Lock gate = new();
    private (string Stamp, RecordIndex Index)? current;
    private IReadOnlyList<string>? cueWords;

    public async Task<ExperienceMatches> SearchAsync(LhlDbContext db, ExperienceBank bank, Person? person, string question, CancellationToken cancellationToken)
    {
        var (text, place, inPlace) = TakePlace(question);
        var index = await IndexAsync(db, cancellationToken);
        var hits = index.Search(text, options.Value.MinCoverage, CueWords());
        if (hits.Count == 0) return new([], place);
        var ids = hits.Select(h => int.Parse(h.Key, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var entries = await db.Set<Experience>().AsNoTracking().Where(e => ids.Contains(e.Id) && e.Status == ExperienceStatus.Active).ToListAsync(cancellationToken);
        var highlighted = hits.ToDictionary(h => h.Key, h => h.HighlightedText);
        var found = ExperienceBank.Newest(entries.Where(e => bank.CanSee(person, e) && (inPlace is null || inPlace(e.MunicipalityNumber))))
            .Take(options.Value.MaxShown)
            .Select(e => (e, highlighted[e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            .ToList();
        return new(found, place);
    }

    private async Task<RecordIndex> IndexAsync(LhlDbContext db, CancellationToken cancellationToken)
    {
        var active = db.Set<Experience>().Where(e => e.Status == ExperienceStatus.Active);
        var count = await active.CountAsync(cancellationToken);
        var latest = count == 0 ? DateTime.MinValue : await db.Set<Experience>().MaxAsync(e => e.UpdatedUtc, cancellationToken);
        var stamp = $"{count}|{latest:O}|{knowledge.AnalysisHash}";
        lock (gate)
        {
            if (current is { } c && c.Stamp == stamp) return c.Index;
        }
        var records = (await active.AsNoTracking().Select(e => new { e.Id, e.Text, e.FocusAreas }).ToListAsync(cancellationToken))
            .Select(e => new SearchRecord(e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Text, Tags(e.FocusAreas)));
        var index = knowledge.IndexRecords(records);
        lock (gate)
        {
            // Entries are few (a handful per municipality and round): rebuilding is cheaper than tracking changes.
            // The old index is left to the collector: a search on another thread may still be reading it.
            current = (stamp, index);
        }
        return index;
    }

    /// <summary>Focus areas are searched by their names, so «mat og måltider» finds a measure filed under it.</summary>
    private static string Tags(string focusAreas) => string.Join(". ", focusAreas.Split(',', StringSplitOptions.RemoveEmptyEntries)
        .Select(v => FocusArea.Choices.FirstOrDefault(c => c.Value == v)).OfType<Conversations.Prompts.Choice>().Select(c => c.Title));

    /// <summary>«… i Nordland», «fra Bodø», «på Helgeland»: a known office, county or municipality, taken out of the words to match.</summary>
    internal (string Text, string? Place, Func<string, bool>? Filter) TakePlace(string question)
    {
        foreach (Match m in PlacePattern().Matches(question))
        {
            var words = m.Groups["place"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var n = Math.Min(words.Length, 4); n >= 1; n--)
            {
                var typed = string.Join(' ', words.Take(n)).TrimEnd('?', '.', '!', ',');
                var key = RegistryLookup.Key(typed);
                if (key.Length < 2) continue;
                var rest = question.Remove(m.Groups["place"].Index, typed.Length);
                rest = rest.Remove(m.Index, m.Groups["place"].Index - m.Index);
                var office = registry.Offices.FirstOrDefault(o => RegistryLookup.Key(o.Name) == key || o.FormerNames.Any(f => RegistryLookup.Key(f) == key));
                if (office is not null)
                {
                    return (rest, office.Name, number => registry.ByNumber(number)?.OfficeId == office.Id);
                }
                var county = registry.Municipalities.FirstOrDefault(x => RegistryLookup.Key(x.County) == key)?.County;
                if (county is not null)
                {
                    return (rest, county, number => registry.ByNumber(number)?.County == county);
                }
                var municipality = registry.FindMunicipality(typed);
                if (municipality.Match is { } one && RegistryLookup.Key(one.Name) == key)
                {
                    return (rest, one.UniqueName, number => number == one.Number);
                }
            }
        }
        return (question, null, null);
    }

    private IReadOnlyList<string> CueWords()
    {
        if (cueWords is { } known) return known;
        var path = Path.GetFullPath(options.Value.CueWordsFile, AppContext.BaseDirectory);
        var words = File.Exists(path)
            ? File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList()
            : [];
        cueWords = words;
        return words;
    }

    [GeneratedRegex(@"\b(i|fra|på|pa|frå)\s+(?<place>[\p{L}][\p{L}\p{Pd}]*(\s+[\p{L}][\p{L}\p{Pd}]*){0,3})", RegexOptions.IgnoreCase)]
    private static partial Regex PlacePattern();

    public void Dispose()
    {
        lock (gate) current?.Index.Dispose();
    }
}
