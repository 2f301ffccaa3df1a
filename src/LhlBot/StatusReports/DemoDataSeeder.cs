using System.Text.Json.Nodes;
using LhlBot.Hosting;
using LhlBot.People;
using LhlBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace LhlBot.StatusReports;

/// <summary>
/// Demo people and a few historical reports, so a newcomer can try every role in the emulator and see
/// `report --round 2021-11` print something. Only when "Demo:Enabled" is true AND nobody is registered yet,
/// so it never mixes with real people. Log in with these aadObjectIds:
/// …0001 contact for Bodø, …0002 Statsforvalteren i Nordland, …0003 Helsedirektoratet, …0004 administrator.
/// </summary>
internal sealed class DemoDataSeeder(LhlDbContext db, IConfiguration configuration, RegistryLookup registry, TimeProvider clock, ILogger<DemoDataSeeder> logger) : ISeeder
{
    /// <summary>Every demo person's Entra object id starts so; the availability seeder finds the demo advisors by it.</summary>
    public const string DemoAadPrefix = "00000000-0000-0000-0000-";

    /// <summary>The demo office's advisors besides Statsforvalteren's, so a demo contact can book KS, USHT or all three.</summary>
    private static readonly (int N, string Name, string Email, Organisation Organisation)[] MoreAdvisors =
    [
        (5, "Demo KS-rådgiver", "ks.nordland@example.no", Organisation.KS),
        (6, "Demo USHT-rådgiver", "usht.nordland@example.no", Organisation.USHT),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("Demo:Enabled")) return;
        var now = clock.GetUtcNow();
        var nordland = registry.FindOffice("Nordland").Match!;
        if (await db.Set<Person>().AnyAsync(cancellationToken))
        {
            await AddMissingAdvisorsAsync(nordland.Id, now, cancellationToken);
            return;
        }

        Person Add(int n, string name, string email, RoleAssignment role)
        {
            var person = new Person { Name = name, Email = email, AadObjectId = $"{DemoAadPrefix}{n:D12}", CreatedAt = now };
            role.Approved = true;
            role.ApprovedAt = now;
            person.Roles.Add(role);
            db.Add(person);
            return person;
        }
        var contact = Add(1, "Demo Kontaktperson", "kontakt.bodo@example.no", new RoleAssignment { Role = Role.MunicipalityContact, MunicipalityNumber = "1804", CreatedAt = now });
        Add(2, "Demo Rådgiver", "radgiver.nordland@example.no", new RoleAssignment { Role = Role.Advisor, OfficeId = nordland.Id, Organisation = Organisation.Statsforvalteren, CreatedAt = now });
        Add(3, "Demo Helsedirektoratet", "hdir@example.no", new RoleAssignment { Role = Role.National, CreatedAt = now });
        Add(4, "Demo Administrator", "admin@example.no", new RoleAssignment { Role = Role.Administrator, CreatedAt = now });
        foreach (var a in MoreAdvisors)
        {
            Add(a.N, a.Name, a.Email, new RoleAssignment { Role = Role.Advisor, OfficeId = nordland.Id, Organisation = a.Organisation, CreatedAt = now });
        }
        await db.SaveChangesAsync(cancellationToken); // the contact's id, for the reports Bodø sent

        // A handful of Nordland municipalities in May and November 2021, shaped like the answers in Hdir's note.
        // The measures become the experience bank's demo entries (one a line); Bodø's contact agreed to be contacted.
        (string Number, string Round, string Plan, string Network, string Phase, string[] Areas, string Measures)[] reports =
        [
            ("1804", "2021-05", PlanStatus.InProcess, NetworkParticipation.TakesPart, "2", [], ""),
            ("1804", "2021-11", PlanStatus.Adopted, NetworkParticipation.TakesPart, "3", ["aldersvennlig-samfunn", "aktivitet-fellesskap"],
                "Seniortreff på biblioteket hver onsdag, med trim, kaffe og foredrag\nAldersvennlig sentrum: flere benker og bedre belysning langs gangveiene"),
            ("1806", "2021-05", PlanStatus.InProcess, NetworkParticipation.Plans, "2", [], ""),
            ("1806", "2021-11", PlanStatus.Delayed, NetworkParticipation.TakesPart, "2", [], ""),
            ("1820", "2021-11", PlanStatus.InProcess, NetworkParticipation.Plans, "2", ["mat-maltider"],
                "Måltidsvenner: frivillige spiser middag sammen med eldre som bor alene\nFelles lunsj på dagsenteret to dager i uka"),
            ("1833", "2021-11", PlanStatus.Adopted, NetworkParticipation.TakesPart, "3", ["helsehjelp", "sammenheng"],
                "Hverdagsrehabilitering i hjemmetjenesten\nFast kontaktperson for pasienter som skrives ut fra sykehuset"),
            ("1865", "2021-11", PlanStatus.NotStarted, NetworkParticipation.DoesNotWant, "1", [], ""),
        ];
        foreach (var r in reports)
        {
            var answers = new JsonObject
            {
                [StatusReportForm.PlanStatusId] = r.Plan,
                [StatusReportForm.NetworkId] = r.Network,
                [StatusReportForm.PhaseId] = r.Phase,
                [StatusReportForm.OverallId] = "Demodata: arbeidet er i gang og forankret i kommuneledelsen.",
            };
            if (r.Plan == PlanStatus.Adopted) answers[StatusReportForm.DecisionDateId] = r.Round == "2021-11" ? "2021-09-23" : "2021-03-18";
            if (r.Plan == PlanStatus.Delayed) answers[StatusReportForm.DelayReasonsId] = new JsonArray("ressurser", "samfunnsplan");
            if (r.Network == NetworkParticipation.TakesPart) answers[StatusReportForm.NetworkNamesId] = "USHT Nordlands nettverk";
            if (r.Areas.Length > 0)
            {
                answers[StatusReportForm.FocusAreasId] = new JsonArray(r.Areas.Select(a => (JsonNode)JsonValue.Create(a)!).ToArray());
                answers[StatusReportForm.MeasuresId] = r.Measures;
                if (r.Number == "1804") answers[StatusReportForm.MeasuresContactId] = StatusReportForm.ContactYes;
            }
            answers[StatusReportForm.InvolvementId] = new JsonArray("eldrerad");
            db.Add(new StatusReport
            {
                MunicipalityNumber = r.Number, RoundId = r.Round, Version = 1, IsCurrent = true, AnswersJson = answers.ToJsonString(),
                SubmittedByName = r.Number == "1804" ? contact.Name : "Demo (historisk)",
                SubmittedByPersonId = r.Number == "1804" ? contact.Id : null,
                SubmittedAt = new DateTimeOffset(int.Parse(r.Round[..4]), int.Parse(r.Round[5..]), 1, 9, 0, 0, TimeSpan.Zero),
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo data added: four demo people and {Count} reports from 2021.", reports.Length);
    }

    /// <summary>A demo database from before KS and USHT advisors were part of the demo gets them (once; matched by e-mail).</summary>
    private async Task AddMissingAdvisorsAsync(int officeId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await db.Set<Person>().AnyAsync(p => p.AadObjectId == DemoAadPrefix + 1.ToString("D12"), cancellationToken)) return;
        var added = 0;
        foreach (var a in MoreAdvisors)
        {
            if (await db.Set<Person>().AnyAsync(p => p.Email == a.Email, cancellationToken)) continue;
            var person = new Person { Name = a.Name, Email = a.Email, AadObjectId = $"{DemoAadPrefix}{a.N:D12}", CreatedAt = now };
            person.Roles.Add(new RoleAssignment { Role = Role.Advisor, OfficeId = officeId, Organisation = a.Organisation, CreatedAt = now, Approved = true, ApprovedAt = now });
            db.Add(person);
            added++;
        }
        if (added > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Demo data: {Count} demo advisors added (KS, USHT).", added);
        }
    }
}
