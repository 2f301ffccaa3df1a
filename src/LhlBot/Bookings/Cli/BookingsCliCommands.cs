using System.Globalization;
using System.Text.Json;
using LhlBot.Bookings.Availability;
using LhlBot.Bookings.Slots;
using LhlBot.Hosting;
using LhlBot.Municipalities;
using LhlBot.People;
using LhlBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace LhlBot.Bookings.Cli;

/// <summary>`bookings list [--office NAME|ID] [--advisor EMAIL] [--all] [--json]`: coming bookings (with --all also past and cancelled).</summary>
internal sealed class BookingsListCommand(IServiceScopeFactory scopes, TimeProvider clock) : ICliCommand
{
    public string Name => "bookings list";
    public string Usage => "bookings list [--office NAVN|ID] [--advisor EPOST] [--all] [--json]   – bookede veiledningsmøter";

    public async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        string? office = null, advisor = null;
        bool json = false, all = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--office" when i + 1 < args.Length: office = args[++i]; break;
                case "--advisor" when i + 1 < args.Length: advisor = args[++i].Trim().ToLowerInvariant(); break;
                case "--json": json = true; break;
                case "--all": all = true; break;
                default:
                    await output.WriteLineAsync($"Ukjent argument «{args[i]}».\n{Usage}");
                    return 2;
            }
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LhlDbContext>();
        var query = db.Set<Booking>().Include(b => b.Advisors).ThenInclude(a => a.Person).Include(b => b.BookedBy).AsQueryable();
        if (!all)
        {
            var nowUtc = clock.GetUtcNow().UtcDateTime;
            query = query.Where(b => b.Status == BookingStatus.Booked && b.EndUtc > nowUtc);
        }
        if (office is not null)
        {
            var offices = await db.Set<Office>().ToListAsync(cancellationToken);
            var match = offices.FirstOrDefault(o => o.Id.ToString(CultureInfo.InvariantCulture) == office
                || string.Equals(o.Name, office, StringComparison.OrdinalIgnoreCase)
                || o.FormerNames.Split('|').Contains(office, StringComparer.OrdinalIgnoreCase));
            if (match is null)
            {
                await output.WriteLineAsync($"Fant ikke embetet «{office}». Kjente: {string.Join(", ", offices.Select(o => o.Name))}.");
                return 1;
            }
            query = query.Where(b => b.OfficeId == match.Id);
        }
        if (advisor is not null) query = query.Where(b => b.Advisors.Any(a => a.Person!.Email == advisor));
        var bookings = await query.ToListAsync(cancellationToken);
        bookings = bookings.OrderBy(b => b.StartUtc).ToList();
        var numbers = bookings.Select(b => b.MunicipalityNumber).Distinct().ToList();
        var names = await db.Set<Municipality>().Where(m => numbers.Contains(m.Number)).ToDictionaryAsync(m => m.Number, m => m.Name, cancellationToken);

        if (json)
        {
            var rows = bookings.Select(b => new
            {
                id = b.Id,
                uid = b.Uid,
                status = b.Status.ToString(),
                start = SlotFinder.ToOslo(b.StartUtc).ToDateTimeUnspecified().ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
                end = SlotFinder.ToOslo(b.EndUtc).ToDateTimeUnspecified().ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
                startUtc = b.StartUtc,
                timeZone = BookingOptions.TimeZoneId,
                municipality = new { number = b.MunicipalityNumber, name = names.GetValueOrDefault(b.MunicipalityNumber) },
                officeId = b.OfficeId,
                with = b.With.ToString(),
                topic = b.Topic,
                format = b.Format,
                place = b.Place,
                description = b.Description,
                contact = new { name = b.BookedBy?.Name, email = b.BookedBy?.Email },
                advisors = b.Advisors.Select(a => new { name = a.Person?.Name, email = a.Person?.Email, organisation = a.Organisation.ToString() }),
                sequence = b.Sequence,
            });
            await output.WriteLineAsync(JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            return 0;
        }
        if (bookings.Count == 0)
        {
            await output.WriteLineAsync("Ingen bookinger.");
            return 0;
        }
        foreach (var b in bookings)
        {
            await output.WriteLineAsync(
                $"{SlotText.Short(b.StartUtc, b.EndUtc),-34} {names.GetValueOrDefault(b.MunicipalityNumber, b.MunicipalityNumber),-18} {BookingTexts.Kind(b.With),-16} " +
                $"{BookingTexts.Topic(b.Topic),-26} {BookingTexts.Advisors(b)}{(b.Status == BookingStatus.Cancelled ? "  [avlyst]" : "")}");
        }
        await output.WriteLineAsync(bookings.Count == 1 ? "1 booking." : $"{bookings.Count} bookinger.");
        return 0;
    }
}

/// <summary>
/// `availability import WINDOWS.csv [EXCEPTIONS.csv]`: weekly windows (header `email;weekday;from;to`) and exceptions
/// (header `email;from;to[;reason]`, dates or "yyyy-MM-dd HH:mm" in Oslo time). An advisor's windows in the file
/// replace their earlier ones, so the import can be run again; exceptions are added unless identical ones exist.
/// </summary>
internal sealed class AvailabilityImportCommand(IServiceScopeFactory scopes) : ICliCommand
{
    public string Name => "availability import";
    public string Usage => "availability import VINDUER.csv [UNNTAK.csv]   – rådgivernes ukentlige tider (email;weekday;from;to) og fravær (email;from;to;reason)";

    private static readonly Dictionary<string, DayOfWeek> Days = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mandag"] = DayOfWeek.Monday, ["måndag"] = DayOfWeek.Monday, ["man"] = DayOfWeek.Monday, ["monday"] = DayOfWeek.Monday, ["1"] = DayOfWeek.Monday,
        ["tirsdag"] = DayOfWeek.Tuesday, ["tysdag"] = DayOfWeek.Tuesday, ["tir"] = DayOfWeek.Tuesday, ["tuesday"] = DayOfWeek.Tuesday, ["2"] = DayOfWeek.Tuesday,
        ["onsdag"] = DayOfWeek.Wednesday, ["ons"] = DayOfWeek.Wednesday, ["wednesday"] = DayOfWeek.Wednesday, ["3"] = DayOfWeek.Wednesday,
        ["torsdag"] = DayOfWeek.Thursday, ["tor"] = DayOfWeek.Thursday, ["thursday"] = DayOfWeek.Thursday, ["4"] = DayOfWeek.Thursday,
        ["fredag"] = DayOfWeek.Friday, ["fre"] = DayOfWeek.Friday, ["friday"] = DayOfWeek.Friday, ["5"] = DayOfWeek.Friday,
        ["lørdag"] = DayOfWeek.Saturday, ["laurdag"] = DayOfWeek.Saturday, ["saturday"] = DayOfWeek.Saturday, ["6"] = DayOfWeek.Saturday,
        ["søndag"] = DayOfWeek.Sunday, ["sundag"] = DayOfWeek.Sunday, ["sunday"] = DayOfWeek.Sunday, ["7"] = DayOfWeek.Sunday,
    };

    public async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        if (args.Length is < 1 or > 2)
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LhlDbContext>();
        var people = await db.Set<Person>().Where(p => p.Email != null).ToDictionaryAsync(p => p.Email!, p => p.Id, cancellationToken);
        var errors = new List<string>();

        var windows = new List<AdvisorWindow>();
        foreach (var (line, cells) in Read(args[0], ["email", "weekday", "from", "to"], errors))
        {
            if (!people.TryGetValue(cells[0].ToLowerInvariant(), out var personId)) { errors.Add($"{args[0]} linje {line}: ukjent person «{cells[0]}»."); continue; }
            if (!Days.TryGetValue(cells[1], out var day)) { errors.Add($"{args[0]} linje {line}: ukjent ukedag «{cells[1]}»."); continue; }
            if (!Dialogs.AvailabilityDialog.TryTime(cells[2], out var from) || !Dialogs.AvailabilityDialog.TryTime(cells[3], out var to) || to <= from)
            {
                errors.Add($"{args[0]} linje {line}: ugyldig tidsrom «{cells[2]}–{cells[3]}» (skriv 09:00 og 12:00)."); continue;
            }
            windows.Add(new AdvisorWindow { PersonId = personId, Weekday = day, From = from, To = to });
        }

        var absences = new List<AdvisorAbsence>();
        if (args.Length == 2)
        {
            foreach (var (line, cells) in Read(args[1], ["email", "from", "to"], errors))
            {
                if (!people.TryGetValue(cells[0].ToLowerInvariant(), out var personId)) { errors.Add($"{args[1]} linje {line}: ukjent person «{cells[0]}»."); continue; }
                if (!TryMoment(cells[1], endOfDay: false, out var from) || !TryMoment(cells[2], endOfDay: true, out var to) || to <= from)
                {
                    errors.Add($"{args[1]} linje {line}: ugyldig periode «{cells[1]}–{cells[2]}» (skriv 2026-07-01 eller 2026-07-01 12:00)."); continue;
                }
                absences.Add(new AdvisorAbsence { PersonId = personId, FromUtc = from, ToUtc = to, Reason = cells.Length > 3 && cells[3].Length > 0 ? cells[3] : null });
            }
        }

        if (errors.Count > 0)
        {
            // Nothing is imported from a file with errors, so a fixed file can simply be run again.
            foreach (var error in errors) await output.WriteLineAsync(error);
            await output.WriteLineAsync("Ingenting ble importert. Rett feilene og kjør kommandoen igjen.");
            return 1;
        }

        var advisors = windows.Select(w => w.PersonId).Distinct().ToList();
        db.RemoveRange(await db.Set<AdvisorWindow>().Where(w => advisors.Contains(w.PersonId)).ToListAsync(cancellationToken));
        db.AddRange(windows);
        var existing = await db.Set<AdvisorAbsence>().ToListAsync(cancellationToken);
        var added = absences.Where(a => !existing.Any(e => e.PersonId == a.PersonId && e.FromUtc == a.FromUtc && e.ToUtc == a.ToUtc)).ToList();
        db.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);
        await output.WriteLineAsync($"Importerte {windows.Count} ukentlige tider for {advisors.Count} rådgivere og {added.Count} unntak.");
        return 0;
    }

    private static IEnumerable<(int Line, string[] Cells)> Read(string path, string[] header, List<string> errors)
    {
        if (!File.Exists(path))
        {
            errors.Add($"Finner ikke filen «{path}».");
            yield break;
        }
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || !lines[0].Split(';').Select(h => h.Trim().ToLowerInvariant()).Take(header.Length).SequenceEqual(header))
        {
            errors.Add($"{path}: første linje må være «{string.Join(';', header)}».");
            yield break;
        }
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]) || lines[i].TrimStart().StartsWith('#')) continue;
            var cells = lines[i].Split(';').Select(c => c.Trim()).ToArray();
            if (cells.Length < header.Length)
            {
                errors.Add($"{path} linje {i + 1}: forventet {header.Length} felt adskilt med semikolon.");
                continue;
            }
            yield return (i + 1, cells);
        }
    }

    /// <summary>A date (whole day: from its start, to the end of it) or a date and time, in Oslo time.</summary>
    private static bool TryMoment(string text, bool endOfDay, out DateTime utc)
    {
        utc = default;
        if (DateTime.TryParseExact(text, ["yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment))
        {
            utc = SlotFinder.FromOslo(DateOnly.FromDateTime(moment), TimeOnly.FromDateTime(moment));
            return true;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            utc = SlotFinder.FromOslo(endOfDay ? date.AddDays(1) : date, TimeOnly.MinValue);
            return true;
        }
        return false;
    }
}
