using System.Globalization;
using LhlBot.Hosting;
using LhlBot.People;
using LhlBot.Reform;
using LhlBot.StatusReports;
using LhlBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace LhlBot.Experiences;

/// <summary>
/// `experiences export [--office "Nordland"] [--shared-only] [FILE]`: the experience bank as CSV for USHT (UTF-8 with
/// BOM, semicolons, as the status export). Active entries only; the «Delt» column says which the municipality
/// marked «ikke del». Runs as the operator, who already has the database, so no role is checked.
/// </summary>
internal sealed class ExperiencesCliCommand(IServiceScopeFactory scopes) : ICliCommand
{
    public string Name => "experiences export";

    public string Usage => "experiences export [--office \"Nordland\"] [--shared-only] [FIL]   – erfaringsbanken som CSV for USHT";

    public static readonly IReadOnlyList<string> Header =
        ["Id", "Kommunenummer", "Kommune", "Fylke", "Embete", "Runde", "Innsatsområder", "Tiltak", "Delt", "Kilde", "Kontaktperson", "E-post", "Registrert", "Sist endret", "Endret av"];

    public async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        string? office = null, file = null;
        var sharedOnly = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--office" when i + 1 < args.Length: office = args[++i]; break;
                case "--shared-only": sharedOnly = true; break;
                case var a when !a.StartsWith("--", StringComparison.Ordinal) && file is null: file = a; break;
                default:
                    output.WriteLine($"Ukjent valg «{args[i]}». Bruk: {Usage}");
                    return 2;
            }
        }
        await using var scope = scopes.CreateAsyncScope();
        var registry = scope.ServiceProvider.GetRequiredService<RegistryLookup>();
        var db = scope.ServiceProvider.GetRequiredService<LhlDbContext>();
        int? officeId = null;
        if (office is not null)
        {
            var found = registry.FindOffice(office);
            if (!found.Found)
            {
                output.WriteLine($"Finner ikke embetet «{office}». Embetene er: {string.Join(", ", registry.Offices.Select(o => o.Name))}.");
                return 1;
            }
            officeId = found.Match!.Id;
        }
        var entries = ExperienceBank.Newest(await db.Set<Experience>().AsNoTracking()
                .Where(e => e.Status == ExperienceStatus.Active && (!sharedOnly || e.Shared)).ToListAsync(cancellationToken))
            .Where(e => officeId is null || registry.ByNumber(e.MunicipalityNumber)?.OfficeId == officeId)
            .ToList();
        var rows = entries.Select(e => Row(e, registry)).ToList();
        if (file is null)
        {
            using var memory = new MemoryStream();
            ReportExport.WriteCsv(memory, Header, rows);
            output.Write(new System.Text.UTF8Encoding(false).GetString(memory.ToArray()).TrimStart('\uFEFF'));
            return 0;
        }
        await using (var stream = File.Create(file)) ReportExport.WriteCsv(stream, Header, rows);
        output.WriteLine($"Skrev {rows.Count} tiltak fra erfaringsbanken til {file}.");
        return 0;
    }

    public static IReadOnlyList<string> Row(Experience e, RegistryLookup registry)
    {
        var m = registry.ByNumber(e.MunicipalityNumber);
        return
        [
            e.Id.ToString(CultureInfo.InvariantCulture), e.MunicipalityNumber, m?.Name ?? "", m?.County ?? "", m is null ? "" : $"Statsforvalteren i {m.OfficeName}",
            e.RoundId,
            string.Join(", ", e.FocusAreaValues.Select(v => FocusArea.Choices.FirstOrDefault(c => c.Value == v)?.Title ?? v)),
            e.Text, e.Shared ? "Ja" : "Nei", e.Source == ExperienceSource.Report ? "Statusrapport" : "Rådgiver",
            e.ContactName ?? "", e.ContactEmail ?? "",
            e.CreatedUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.UpdatedUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.ChangedByName,
        ];
    }
}
