using System.Text;
using LhlBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace LhlBot.People;

/// <summary>A bad row of an import file: its line number (1 is the header) and why, in Norwegian.</summary>
internal sealed record ImportProblem(int Line, string Reason)
{
    public override string ToString() => Line > 0 ? $"Linje {Line}: {Reason}" : Reason;
}

internal sealed record ImportResult(int Rows, int PeopleCreated, int PeopleUpdated, int RolesAdded, IReadOnlyList<ImportProblem> Problems)
{
    public bool Ok => Problems.Count == 0;

    public string Describe() => Ok
        ? $"Importert {Rows} rader: {PeopleCreated} nye personer, {PeopleUpdated} oppdatert, {RolesAdded} nye roller."
        : $"Fila ble ikke importert – {Problems.Count} {(Problems.Count == 1 ? "feil" : "feil")} må rettes først (ingenting er lagret):\n"
          + string.Join("\n", Problems.Take(50).Select(p => "- " + p)) + (Problems.Count > 50 ? $"\n… og {Problems.Count - 50} til." : "");
}

internal enum ImportKind { Contacts, Advisors }

/// <summary>
/// Bulk import of people from CSV (semicolon separated, header first), the same for the CLI and Teams:
/// contacts "municipality;name;email;aadObjectId", advisors "office;organisation;centre;name;email;aadObjectId".
/// Every row is checked before anything is added, so a file with errors changes nothing. People are matched by
/// e-mail, then by object id; re-importing a file is harmless. The changes are only added to the DbContext:
/// the caller saves them (a Teams turn commits with its conversation state; the CLI saves once).
/// </summary>
/// <remarks>
/// An import never changes who a person is unless an administrator (or the operator at the command line) does it:
/// an advisor's import may add people and contact roles for municipalities of her own office, but may not move an
/// existing person to another object id or e-mail, nor rename someone who holds roles beyond that. Every role
/// given and every identity changed is written to the <see cref="RoleAudit"/> log in the same save.
/// </remarks>
internal sealed class PeopleImporter(LhlDbContext db, RegistryLookup registry, RoleAudit audit, TimeProvider clock)
{
    public static readonly string[] ContactsHeader = ["municipality", "name", "email", "aadObjectId"];
    public static readonly string[] AdvisorsHeader = ["office", "organisation", "centre", "name", "email", "aadObjectId"];

    /// <summary>Which import a text is, by its header; null when it is neither.</summary>
    public static ImportKind? Detect(string csv)
    {
        var header = Csv.Lines(csv).FirstOrDefault().Fields;
        if (header is null) return null;
        if (HeaderMatches(header, ContactsHeader)) return ImportKind.Contacts;
        if (HeaderMatches(header, AdvisorsHeader)) return ImportKind.Advisors;
        return null;
    }

    /// <param name="actor">Who imports, for the role rules; null for the CLI operator, who may import anything.</param>
    public async Task<ImportResult> ImportAsync(ImportKind kind, string csv, Person? actor, CancellationToken cancellationToken)
    {
        var problems = new List<ImportProblem>();
        var lines = Csv.Lines(csv).ToList();
        var expected = kind == ImportKind.Contacts ? ContactsHeader : AdvisorsHeader;
        if (lines.Count == 0 || !HeaderMatches(lines[0].Fields, expected))
        {
            return Failed(new ImportProblem(1, $"Første linje må være overskriften «{string.Join(';', expected)}»."));
        }
        if (actor is not null && kind == ImportKind.Advisors && !actor.Has(Role.Administrator))
        {
            return Failed(new ImportProblem(0, "Bare administratorer kan importere rådgivere."));
        }
        if (actor is not null && !actor.Has(Role.Administrator) && actor.AdvisesOffices().Count == 0)
        {
            return Failed(new ImportProblem(0, "Bare administratorer og rådgivere i støtteapparatet kan importere kontaktpersoner."));
        }

        var rows = new List<Row>();
        foreach (var (line, fields) in lines.Skip(1))
        {
            if (fields.All(string.IsNullOrWhiteSpace)) continue;
            if (fields.Length != expected.Length)
            {
                problems.Add(new(line, $"har {fields.Length} felt, men skal ha {expected.Length} ({string.Join(';', expected)})."));
                continue;
            }
            var row = kind == ImportKind.Contacts ? ReadContact(line, fields, actor, problems) : ReadAdvisor(line, fields, problems);
            if (row is not null) rows.Add(row);
        }
        if (rows.Count == 0 && problems.Count == 0) problems.Add(new(0, "Fila har ingen rader under overskriften."));

        var people = await db.Set<Person>().Include(p => p.Roles).ToListAsync(cancellationToken);
        CheckIdentities(rows, people, problems);
        if (actor is not null && !actor.Has(Role.Administrator)) CheckIdentityChangesAreAdminOnly(rows, people, problems);
        if (problems.Count > 0) return new(rows.Count, 0, 0, 0, problems.OrderBy(p => p.Line).ToList());

        return Apply(rows, people, actor);
    }

    private Row? ReadContact(int line, string[] f, Person? actor, List<ImportProblem> problems)
    {
        var before = problems.Count;
        var number = f[0].Trim();
        MunicipalityEntry? municipality = null;
        if (number.Length != 4 || !number.All(char.IsAsciiDigit))
        {
            problems.Add(new(line, $"kommunenummeret «{number}» må være fire sifre, for eksempel 0301 eller 1804."));
        }
        else if ((municipality = registry.ByNumber(number)) is null)
        {
            problems.Add(new(line, $"kommunenummeret {number} finnes ikke i kommuneregisteret."));
        }
        else if (actor is not null && !actor.Has(Role.Administrator) && !actor.AdvisesOffices().Contains(municipality.OfficeId))
        {
            problems.Add(new(line, $"{municipality.Name} hører til {registry.OfficeById(municipality.OfficeId)?.DisplayName}; du kan bare importere kontaktpersoner for kommuner i ditt embete."));
        }
        var (name, email, aad) = ReadPerson(line, f[1], f[2], f[3], problems);
        return problems.Count > before ? null : new Row(line, name, email, aad, Role.MunicipalityContact, municipality!.Number, null, null, null);
    }

    private Row? ReadAdvisor(int line, string[] f, List<ImportProblem> problems)
    {
        var before = problems.Count;
        var office = registry.FindOffice(f[0]);
        if (!office.Found)
        {
            problems.Add(new(line, office.Candidates.Count > 1
                ? $"embetet «{f[0].Trim()}» kan være flere: {string.Join(", ", office.Candidates.Select(o => o.Name))}."
                : $"finner ikke embetet «{f[0].Trim()}». Bruk for eksempel «Nordland» eller «Statsforvalteren i Nordland»."));
        }
        Organisation? organisation = RegistryLookup.Key(f[1]) switch
        {
            "statsforvalteren" or "statsforvaltaren" or "sf" or "fylkesmannen" => Organisation.Statsforvalteren,
            "ks" => Organisation.KS,
            "usht" or "utviklingssenter for sykehjem og hjemmetjenester" => Organisation.USHT,
            _ => null,
        };
        if (organisation is null) problems.Add(new(line, $"organisasjonen «{f[1].Trim()}» må være Statsforvalteren, KS eller USHT."));
        var centre = f[2].Trim();
        if (organisation == Organisation.USHT && centre.Length == 0) problems.Add(new(line, "for USHT må senterets navn stå i kolonnen centre."));
        var (name, email, aad) = ReadPerson(line, f[3], f[4], f[5], problems);
        return problems.Count > before ? null
            : new Row(line, name, email, aad, Role.Advisor, null, office.Match!.Id, organisation, organisation == Organisation.USHT ? centre : null);
    }

    private static (string Name, string Email, string? Aad) ReadPerson(int line, string name, string email, string aad, List<ImportProblem> problems)
    {
        name = name.Trim();
        email = email.Trim().ToLowerInvariant();
        aad = aad.Trim();
        if (name.Length == 0) problems.Add(new(line, "navn mangler."));
        else if (name.Length > 200) problems.Add(new(line, "navnet er lengre enn 200 tegn."));
        if (!LooksLikeEmail(email)) problems.Add(new(line, email.Length == 0 ? "e-postadresse mangler." : $"«{email}» er ikke en gyldig e-postadresse."));
        if (aad.Length > 0 && !Guid.TryParse(aad, out _)) problems.Add(new(line, $"aadObjectId «{aad}» er ikke en GUID (la feltet stå tomt om du ikke har den)."));
        return (name, email, aad.Length == 0 ? null : aad.ToLowerInvariant());
    }

    /// <summary>One e-mail is one person: rows and existing people must agree on who has which object id.</summary>
    private static void CheckIdentities(List<Row> rows, List<Person> people, List<ImportProblem> problems)
    {
        foreach (var group in rows.GroupBy(r => r.Email))
        {
            var ids = group.Select(r => r.Aad).Where(a => a is not null).Distinct().ToList();
            if (ids.Count > 1) problems.Add(new(group.Last().Line, $"{group.Key} har ulike aadObjectId på linje {string.Join(", ", group.Select(r => r.Line))}."));
            var seen = new HashSet<(Role, string?, int?)>();
            foreach (var row in group)
            {
                if (!seen.Add((row.Role, row.MunicipalityNumber, row.OfficeId)))
                {
                    problems.Add(new(row.Line, $"{row.Email} står to ganger med samme rolle."));
                }
            }
        }
        foreach (var row in rows.Where(r => r.Aad is not null))
        {
            var owner = people.FirstOrDefault(p => string.Equals(p.AadObjectId, row.Aad, StringComparison.OrdinalIgnoreCase));
            if (owner is not null && owner.Email is not null && owner.Email != row.Email)
            {
                problems.Add(new(row.Line, $"aadObjectId {row.Aad} tilhører allerede {owner.Name} ({owner.Email})."));
            }
        }
        foreach (var group in rows.Where(r => r.Aad is not null).GroupBy(r => r.Aad))
        {
            if (group.Select(r => r.Email).Distinct().Count() > 1)
            {
                problems.Add(new(group.Last().Line, $"aadObjectId {group.Key} står med ulike e-postadresser."));
            }
        }
    }

    /// <summary>
    /// Only administrators change who an existing person is: the object id Teams recognises them by (also setting
    /// one where none was known, which would let the importer take the record over) and the e-mail the roster
    /// matches. Anyone else gets a line that says so, and nothing is imported.
    /// </summary>
    private static void CheckIdentityChangesAreAdminOnly(List<Row> rows, List<Person> people, List<ImportProblem> problems)
    {
        foreach (var row in rows)
        {
            var byEmail = people.FirstOrDefault(p => p.Email == row.Email);
            if (byEmail is not null && row.Aad is not null && !string.Equals(byEmail.AadObjectId, row.Aad, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(new(row.Line, $"{byEmail.Name} ({row.Email}) finnes allerede{(byEmail.AadObjectId is null ? " uten aadObjectId" : " med en annen aadObjectId")}; bare en administrator kan endre hvem en person er. La aadObjectId stå tom, eller be en administrator."));
            }
            else if (byEmail is null && row.Aad is not null
                && people.FirstOrDefault(p => string.Equals(p.AadObjectId, row.Aad, StringComparison.OrdinalIgnoreCase)) is { } byAad)
            {
                problems.Add(new(row.Line, $"aadObjectId {row.Aad} tilhører {byAad.Name}; bare en administrator kan endre e-postadressen til en person."));
            }
        }
    }

    /// <summary>Whether a non-administrator may rename this person: someone with no roles beyond contacts in the importer's offices.</summary>
    private bool MayRename(Person? actor, Person person)
    {
        if (actor is null || actor.Has(Role.Administrator)) return true;
        var offices = actor.AdvisesOffices();
        return person.Roles.All(r => r.Role == Role.MunicipalityContact && r.MunicipalityNumber is not null
            && registry.ByNumber(r.MunicipalityNumber) is { } m && offices.Contains(m.OfficeId));
    }

    private ImportResult Apply(List<Row> rows, List<Person> people, Person? actor)
    {
        var source = actor is null ? "cli" : "teams";
        var now = clock.GetUtcNow();
        int created = 0, updated = 0, roles = 0;
        var touched = new HashSet<Person>();
        foreach (var row in rows)
        {
            var person = people.FirstOrDefault(p => p.Email == row.Email)
                ?? (row.Aad is null ? null : people.FirstOrDefault(p => string.Equals(p.AadObjectId, row.Aad, StringComparison.OrdinalIgnoreCase)));
            if (person is null)
            {
                person = new Person { Name = row.Name, Email = row.Email, AadObjectId = row.Aad, CreatedAt = now };
                db.Add(person);
                people.Add(person);
                created++;
                touched.Add(person);
            }
            else if (!touched.Contains(person))
            {
                // Identity changes got this far only for administrators and the operator (see CheckIdentityChangesAreAdminOnly).
                var rename = person.Name != row.Name && MayRename(actor, person);
                var newEmail = person.Email != row.Email;
                var newAad = row.Aad is not null && !string.Equals(person.AadObjectId, row.Aad, StringComparison.OrdinalIgnoreCase);
                if (newEmail || newAad)
                {
                    audit.Record(actor, source, person, RoleAuditAction.IdentityChanged, string.Join("; ",
                        new[]
                        {
                            newEmail ? $"e-post {person.Email ?? "(ingen)"} → {row.Email}" : null,
                            newAad ? $"aadObjectId {person.AadObjectId ?? "(ingen)"} → {row.Aad}" : null,
                        }.Where(d => d is not null)));
                }
                if (rename) person.Name = row.Name;
                person.Email = row.Email;
                if (newAad) person.AadObjectId = row.Aad;
                if (rename || newEmail || newAad) updated++;
                touched.Add(person);
            }

            var existing = person.Roles.FirstOrDefault(r => r.Role == row.Role && r.MunicipalityNumber == row.MunicipalityNumber && r.OfficeId == row.OfficeId);
            if (existing is null)
            {
                person.Roles.Add(new RoleAssignment
                {
                    Role = row.Role, MunicipalityNumber = row.MunicipalityNumber, OfficeId = row.OfficeId,
                    Organisation = row.Organisation, Centre = row.Centre,
                    Approved = true, CreatedAt = now, ApprovedAt = now, ApprovedByPersonId = actor?.Id,
                });
                audit.Record(actor, source, person, RoleAuditAction.RoleGranted, audit.Describe(row.Role, row.MunicipalityNumber, row.OfficeId, row.Organisation));
                roles++;
            }
            else if (!existing.Approved)
            {
                // An import by an advisor or administrator settles a pending claim for the same municipality.
                existing.Approved = true;
                existing.ApprovedAt = now;
                existing.ApprovedByPersonId = actor?.Id;
                audit.Record(actor, source, person, RoleAuditAction.ClaimApproved, audit.Describe(row.Role, row.MunicipalityNumber, row.OfficeId, row.Organisation) + " (ved import)");
                roles++;
            }
        }
        return new(rows.Count, created, updated, roles, []);
    }

    private static ImportResult Failed(ImportProblem problem) => new(0, 0, 0, 0, [problem]);

    private static bool HeaderMatches(string[] header, string[] expected) =>
        header.Length == expected.Length && header.Select((h, i) => string.Equals(h.Trim(), expected[i], StringComparison.OrdinalIgnoreCase)).All(x => x);

    private static bool LooksLikeEmail(string email)
    {
        var at = email.IndexOf('@');
        return at > 0 && at == email.LastIndexOf('@') && email.IndexOf('.', at) > at + 1 && !email.EndsWith('.')
            && !email.Any(char.IsWhiteSpace) && email.Length <= 254;
    }

    private sealed record Row(int Line, string Name, string Email, string? Aad, Role Role, string? MunicipalityNumber, int? OfficeId, Organisation? Organisation, string? Centre);
}

/// <summary>Semicolon-separated text as Excel writes it: optional BOM, quoted fields with "" for a quote.</summary>
internal static class Csv
{
    public static IEnumerable<(int Line, string[] Fields)> Lines(string text)
    {
        // Teams may turn pasted line breaks into <br> tags.
        text = text.TrimStart('\uFEFF').Replace("<br>", "\n", StringComparison.OrdinalIgnoreCase).Replace("<br/>", "\n", StringComparison.OrdinalIgnoreCase);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (i == lines.Length - 1 && line.Length == 0) yield break;
            yield return (i + 1, Split(line));
        }
    }

    private static string[] Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"' && field.Length == 0) quoted = true;
            else if (c == ';') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return [.. fields];
    }

    /// <summary>
    /// A field quoted when it holds a separator, quote or line break. Text a spreadsheet would run as a formula
    /// (starting with = + - @, a tab or a carriage return) gets a leading apostrophe, so it opens as the text it is.
    /// </summary>
    public static string Field(string? value)
    {
        value ??= "";
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
