using System.Diagnostics;
using LhlBot.Hosting;
using LhlBot.People;

namespace LhlBot.StatusReports;

/// <summary>
/// `report --round 2021-11 [--office "Nordland"] [--json [FILE]|--csv [FILE]|--xlsx FILE]`. The CLI runs as the
/// operator of the installation, who already has the database file, so no role is checked here.
/// </summary>
internal sealed class StatusReportCliCommand(IServiceScopeFactory scopes) : ICliCommand
{
    public string Name => "report";

    public string Usage => "report --round 2021-11 [--office \"Nordland\"] [--json [FIL]|--csv [FIL]|--xlsx FIL]   – oppsummering og eksport av statusrapporter";

    public async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        string? roundId = null, office = null, format = null, file = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--round" when i + 1 < args.Length: roundId = args[++i]; break;
                case "--office" when i + 1 < args.Length: office = args[++i]; break;
                case "--json" or "--csv" or "--xlsx":
                    format = args[i][2..];
                    if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) file = args[++i];
                    break;
                default:
                    output.WriteLine($"Ukjent valg «{args[i]}». Bruk: {Usage}");
                    return 2;
            }
        }
        if (format == "xlsx" && file is null)
        {
            output.WriteLine("--xlsx trenger et filnavn, for eksempel --xlsx status-2021-11.xlsx");
            return 2;
        }

        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var calendar = services.GetRequiredService<ReportingCalendar>();
        var registry = services.GetRequiredService<RegistryLookup>();
        var round = roundId is null ? calendar.Latest() : calendar.Find(roundId);
        if (round is null)
        {
            output.WriteLine($"Finner ingen rapporteringsrunde «{roundId}». Skriv år og måned, for eksempel 2021-11.");
            return 1;
        }
        IReadOnlyList<int>? offices = null;
        if (office is not null)
        {
            var found = registry.FindOffice(office);
            if (!found.Found)
            {
                output.WriteLine($"Finner ikke embetet «{office}». Embetene er: {string.Join(", ", registry.Offices.Select(o => o.Name))}.");
                return 1;
            }
            offices = [found.Match!.Id];
        }

        var builder = services.GetRequiredService<RoundSummaryBuilder>();
        var watch = Stopwatch.StartNew();
        var summary = await builder.BuildAsync(round, offices, cancellationToken);
        var elapsed = watch.Elapsed;
        var rows = await builder.RowsAsync(round, offices, cancellationToken);

        switch (format)
        {
            case null:
                output.WriteLine(SummaryText.AsText(summary).Replace("**", ""));
                output.WriteLine();
                output.WriteLine($"(Oppsummeringen ble bygget på {elapsed.TotalMilliseconds:0} ms.)");
                return 0;
            case "json":
                var json = ReportExport.Json(summary, rows).ToJsonString(ReportExport.JsonOptions);
                if (file is null) output.WriteLine(json);
                else await File.WriteAllTextAsync(file, json, cancellationToken);
                break;
            case "csv":
                var header = ReportExport.Header(calendar.Today);
                var lines = ReportExport.Rows(rows, registry.Offices, calendar.Today);
                if (file is null)
                {
                    using var memory = new MemoryStream();
                    ReportExport.WriteCsv(memory, header, lines);
                    output.Write(new System.Text.UTF8Encoding(false).GetString(memory.ToArray()).TrimStart('\uFEFF'));
                }
                else
                {
                    await using var stream = File.Create(file);
                    ReportExport.WriteCsv(stream, header, lines);
                }
                break;
            case "xlsx":
                await using (var stream = File.Create(file!))
                {
                    ReportExport.WriteXlsx(stream, $"Status {round.Id}", ReportExport.Header(calendar.Today), ReportExport.Rows(rows, registry.Offices, calendar.Today));
                }
                break;
        }
        if (file is not null) output.WriteLine($"Skrev {rows.Count} kommuner ({summary.Now.Reported} med rapport) for runden per {round.Title} til {file}.");
        return 0;
    }
}
