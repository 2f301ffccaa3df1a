using System.Text.Json.Nodes;
using LhlBot.People;
using LhlBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace LhlBot.StatusReports;

/// <summary>
/// Reads and writes reports in the turn's unit of work. Writing never saves: the turn commits the new version
/// together with the conversation state, and the unique indexes make a concurrent writer's commit fail, after
/// which the runner replays that turn on fresh data and it becomes the next version instead.
/// </summary>
internal sealed class StatusReportStore(LhlDbContext db, TimeProvider clock)
{
    public Task<StatusReport?> CurrentAsync(string municipalityNumber, string roundId, CancellationToken cancellationToken) =>
        db.Set<StatusReport>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.MunicipalityNumber == municipalityNumber && r.RoundId == roundId && r.IsCurrent, cancellationToken);

    /// <summary>The answers to start from: this round's current report, else the latest earlier one.</summary>
    public async Task<StatusReport?> StartingPointAsync(string municipalityNumber, string roundId, CancellationToken cancellationToken) =>
        await CurrentAsync(municipalityNumber, roundId, cancellationToken)
        ?? await db.Set<StatusReport>().AsNoTracking()
            .Where(r => r.MunicipalityNumber == municipalityNumber && r.IsCurrent && string.Compare(r.RoundId, roundId) < 0)
            .OrderByDescending(r => r.RoundId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Adds the answers as the new current version; returns it and the version it replaces, if any.</summary>
    public async Task<(StatusReport Report, StatusReport? Replaced)> SubmitAsync(
        string municipalityNumber, string roundId, JsonObject answers, Person person, CancellationToken cancellationToken)
    {
        var versions = await db.Set<StatusReport>()
            .Where(r => r.MunicipalityNumber == municipalityNumber && r.RoundId == roundId)
            .ToListAsync(cancellationToken);
        var replaced = versions.Where(r => r.IsCurrent).OrderByDescending(r => r.Version).FirstOrDefault();
        foreach (var old in versions.Where(r => r.IsCurrent)) old.IsCurrent = false;
        var report = new StatusReport
        {
            MunicipalityNumber = municipalityNumber,
            RoundId = roundId,
            Version = versions.Count == 0 ? 1 : versions.Max(r => r.Version) + 1,
            IsCurrent = true,
            AnswersJson = answers.ToJsonString(),
            SubmittedByPersonId = person.Id == 0 ? null : person.Id,
            SubmittedByName = person.Name,
            SubmittedAt = clock.GetUtcNow(),
        };
        db.Add(report);
        return (report, replaced);
    }

    public Task<List<StatusReport>> HistoryAsync(string municipalityNumber, CancellationToken cancellationToken) =>
        db.Set<StatusReport>().AsNoTracking().Where(r => r.MunicipalityNumber == municipalityNumber)
            .OrderByDescending(r => r.RoundId).ThenByDescending(r => r.Version).ToListAsync(cancellationToken);
}
