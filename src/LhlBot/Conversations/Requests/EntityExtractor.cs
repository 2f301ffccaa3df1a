using System.Globalization;
using System.Text.RegularExpressions;
using LhlBot.People;

namespace LhlBot.Conversations.Requests;

/// <summary>An entity found in a request: its kind, the value a job's data takes, and where it stood in the words.</summary>
internal sealed record RequestEntity(string Kind, string Value, string Display, int FirstWord, int WordCount);

/// <summary>
/// Finds the entities a request can carry, in the words as folded (<see cref="TextMatching.Normalize"/>):
/// a municipality (named with a capital or followed by «kommune»), a Statsforvalter office, an organisation
/// (Statsforvalteren, KS, USHT, a joint meeting), a week («uke 51», «neste veke») or a date, and a reporting round
/// («2021-11», «høsten 2026»). Word lists are data (<see cref="RequestShapes"/>); the registry gives the names.
/// </summary>
internal sealed partial class EntityExtractor(RegistryLookup registry, RequestShapes shapes, TimeProvider clock)
{
    public const string Municipality = "municipality";
    public const string Office = "office";
    public const string Organisation = "organisation";
    public const string Week = "week";
    public const string Date = "date";
    public const string Round = "round";

    private readonly Lazy<Dictionary<string, MunicipalityEntry?>> municipalities = new(() => BuildNames(registry));
    private readonly Lazy<Dictionary<string, OfficeEntry>> offices = new(() => registry.Offices
        .SelectMany(o => new[] { o.Name }.Concat(o.FormerNames).Select(n => (Key: TextMatching.Normalize(n), Office: o)))
        .Where(x => x.Key.Length > 0).GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.First().Office));

    /// <param name="original">The text as typed (capitals tell names from words).</param>
    /// <param name="words">The same text folded and split into words.</param>
    public List<RequestEntity> Extract(string original, string[] words)
    {
        var found = new List<RequestEntity>();
        var taken = new bool[words.Length];
        var capitals = CapitalisedWords(original, words.Length);

        // Organisations first: «Statsforvalteren i Nordland» is the office Nordland *and* Statsforvalteren.
        foreach (var (value, names) in shapes.Organisations)
        {
            foreach (var name in names.Select(TextMatching.Normalize).OrderByDescending(n => n.Length))
            {
                foreach (var (start, count) in Find(words, name.Split(' '), taken))
                {
                    found.Add(new RequestEntity(Organisation, value, value, start, count));
                    Take(taken, start, count);
                }
            }
        }
        FindTimes(words, taken, found);
        FindRounds(words, taken, found);

        // Names: longest first («Nord-Aurdal», «Indre Østfold»), a word that is also an everyday word only with a capital or «kommune» after it.
        for (var length = 3; length >= 1; length--)
        {
            for (var i = 0; i + length <= words.Length; i++)
            {
                if (Enumerable.Range(i, length).Any(j => taken[j])) continue;
                var key = string.Join(' ', words, i, length);
                var named = capitals.Length > i && capitals[i] || (i + length < words.Length && shapes.MunicipalityWords.Contains(words[i + length]));
                if (!named) continue;
                if (offices.Value.TryGetValue(key, out var office) && !municipalities.Value.ContainsKey(key))
                {
                    found.Add(new RequestEntity(Office, office.Name, office.DisplayName, i, length));
                    Take(taken, i, length);
                }
                else if (municipalities.Value.TryGetValue(key, out var municipality) && municipality is not null)
                {
                    var withWord = i + length < words.Length && shapes.MunicipalityWords.Contains(words[i + length]) ? 1 : 0;
                    found.Add(new RequestEntity(Municipality, municipality.Number, municipality.UniqueName, i, length + withWord));
                    Take(taken, i, length + withWord);
                    if (offices.Value.TryGetValue(key, out var alsoOffice)) found.Add(new RequestEntity(Office, alsoOffice.Name, alsoOffice.DisplayName, i, 0));
                }
            }
        }
        return found;
    }

    /// <summary>The text as a bare municipality («Narvik», «narvik kommune», «1805»), answering «Hvilken kommune …?».</summary>
    public MunicipalityEntry? BareMunicipality(string text)
    {
        var trimmed = text.Trim().TrimEnd('.', '!');
        if (trimmed.Length == 0 || trimmed.Length > 60) return null;
        return registry.FindMunicipality(trimmed) is { Found: true } lookup && TextMatching.Normalize(trimmed).Split(' ').Length <= 4 ? lookup.Match : null;
    }

    private void FindTimes(string[] words, bool[] taken, List<RequestEntity> found)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        for (var i = 0; i < words.Length; i++)
        {
            if (taken[i]) continue;
            if (shapes.WeekWords.Contains(words[i]) && i + 1 < words.Length && int.TryParse(words[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var week) && week is >= 1 and <= 53)
            {
                var monday = MondayOfWeek(today, week);
                found.Add(new RequestEntity(Week, monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), $"uke {week}", i, 2));
                Take(taken, i, 2);
                continue;
            }
            var pair = i + 1 < words.Length ? words[i] + " " + words[i + 1] : "";
            if (shapes.NextWeek.Contains(pair))
            {
                var monday = today.AddDays(((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7 is 0 ? 7 : ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7);
                found.Add(new RequestEntity(Week, monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "neste uke", i, 2));
                Take(taken, i, 2);
                continue;
            }
            // «15 03», «15 03 2027» (folded from 15.03.2027), «15 mars»: the date reader decides.
            for (var length = Math.Min(3, words.Length - i); length >= 2; length--)
            {
                if (Enumerable.Range(i, length).Any(j => taken[j]) || !char.IsDigit(words[i][0])) continue;
                var phrase = string.Join(' ', words, i, length);
                if (Prompts.NorwegianDates.TryParse(phrase.Replace(' ', '.'), today, out var date) || Prompts.NorwegianDates.TryParse(phrase, today, out date))
                {
                    found.Add(new RequestEntity(Date, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), date.ToString("d. MMMM", CultureInfo.GetCultureInfo("nb-NO")), i, length));
                    Take(taken, i, length);
                    break;
                }
            }
        }
    }

    private void FindRounds(string[] words, bool[] taken, List<RequestEntity> found)
    {
        for (var i = 0; i < words.Length; i++)
        {
            if (taken[i]) continue;
            // «2021-11» is folded to «2021 11».
            if (Year(words[i]) is { } year && i + 1 < words.Length && words[i + 1] is "05" or "5" or "11")
            {
                var month = words[i + 1] == "11" ? "11" : "05";
                found.Add(new RequestEntity(Round, $"{year}-{month}", $"{year}-{month}", i, 2));
                Take(taken, i, 2);
            }
            else if (i + 1 < words.Length && Year(words[i + 1]) is { } y && (shapes.Spring.Contains(words[i]) || shapes.Autumn.Contains(words[i])))
            {
                var month = shapes.Autumn.Contains(words[i]) ? "11" : "05";
                found.Add(new RequestEntity(Round, $"{y}-{month}", $"{y}-{month}", i, 2));
                Take(taken, i, 2);
            }
        }
    }

    private static int? Year(string word) =>
        word.Length == 4 && int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2018 and <= 2040 ? year : null;

    /// <summary>The Monday of ISO week <paramref name="week"/>: this year's, or next year's when it has passed.</summary>
    private static DateOnly MondayOfWeek(DateOnly today, int week)
    {
        var year = ISOWeek.GetYear(today.ToDateTime(TimeOnly.MinValue));
        var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, Math.Min(week, ISOWeek.GetWeeksInYear(year)), DayOfWeek.Monday));
        if (monday.AddDays(6) < today) monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year + 1, Math.Min(week, ISOWeek.GetWeeksInYear(year + 1)), DayOfWeek.Monday));
        return monday;
    }

    private static IEnumerable<(int Start, int Count)> Find(string[] words, string[] phrase, bool[] taken)
    {
        if (phrase.Length == 0 || phrase[0].Length == 0) yield break;
        for (var i = 0; i + phrase.Length <= words.Length; i++)
        {
            var match = true;
            for (var j = 0; j < phrase.Length && match; j++) match = !taken[i + j] && words[i + j] == phrase[j];
            if (match) yield return (i, phrase.Length);
        }
    }

    private static void Take(bool[] taken, int start, int count)
    {
        for (var j = start; j < start + count && j < taken.Length; j++) taken[j] = true;
    }

    /// <summary>Which folded words were typed with a capital (names), aligned with the folded words.</summary>
    private static bool[] CapitalisedWords(string original, int count)
    {
        var result = new bool[count];
        var index = 0;
        foreach (Match m in Word().Matches(original))
        {
            var folded = TextMatching.Normalize(m.Value);
            if (folded.Length == 0) continue;
            foreach (var _ in folded.Split(' '))
            {
                if (index < count) result[index] = char.IsUpper(m.Value[0]);
                index++;
            }
        }
        return result;
    }

    /// <summary>Names folded as typed; a name two municipalities share maps to null (only «Herøy i Nordland» says which).</summary>
    private static Dictionary<string, MunicipalityEntry?> BuildNames(RegistryLookup registry)
    {
        var names = new Dictionary<string, MunicipalityEntry?>(StringComparer.Ordinal);
        foreach (var m in registry.Municipalities)
        {
            foreach (var name in m.Name.Split(" - ").Append(m.Name).Select(TextMatching.Normalize).Where(n => n.Length > 1).Distinct())
            {
                names[name] = names.TryGetValue(name, out var other) && other is not null && other.Number != m.Number ? null : m;
            }
        }
        return names;
    }

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’\-]*")]
    private static partial Regex Word();
}
