using System.Text.Json.Nodes;
using LhlBot.Hosting;
using LhlBot.StatusReports;
using LhlBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace LhlBot.Experiences;

/// <summary>
/// At start-up, current reports whose measures are not in the bank yet are taken in (reports sent before the bank
/// existed, and the demo reports), so a newcomer's questions find measures from the first start.
/// </summary>
internal sealed class ExperienceSeeder(LhlDbContext db, ExperienceBank bank, ILogger<ExperienceSeeder> logger) : ISeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var taken = (await db.Set<Experience>().Where(e => e.Source == ExperienceSource.Report)
                .Select(e => new { e.MunicipalityNumber, e.RoundId }).Distinct().ToListAsync(cancellationToken))
            .Select(e => (e.MunicipalityNumber, e.RoundId)).ToHashSet();
        var reports = await db.Set<StatusReport>().AsNoTracking().Where(r => r.IsCurrent && r.AnswersJson.Contains(StatusReportForm.MeasuresId)).ToListAsync(cancellationToken);
        var added = 0;
        foreach (var report in reports.Where(r => !taken.Contains((r.MunicipalityNumber, r.RoundId))))
        {
            if (JsonNode.Parse(report.AnswersJson) is not JsonObject answers) continue;
            // The contact's e-mail as the registry has it now (reports store only the name).
            var email = report.SubmittedByPersonId is { } id
                ? await db.Set<People.Person>().Where(p => p.Id == id).Select(p => p.Email).FirstOrDefaultAsync(cancellationToken)
                : null;
            added += (await bank.SyncFromReportAsync(report, answers, report.SubmittedByName, email, cancellationToken)).Count;
        }
        if (added == 0) return;
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Experience bank: {Count} measures taken in from reports sent before it existed.", added);
    }
}
