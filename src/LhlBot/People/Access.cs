namespace LhlBot.People;

/// <summary>
/// Who may see and do what, in one place. Only approved roles count.
/// A contact reads and writes only their own municipalities; an advisor sees their office region;
/// national users (Hdir) and administrators see all.
/// </summary>
internal static class Access
{
    public static IEnumerable<RoleAssignment> InForce(this Person? person) => person?.Roles.Where(r => r.Approved) ?? [];

    public static bool Has(this Person? person, Role role) => person.InForce().Any(r => r.Role == role);

    public static bool IsNationalOrAdmin(this Person? person) => person.Has(Role.National) || person.Has(Role.Administrator);

    /// <summary>Municipalities the person is an approved contact for.</summary>
    public static IReadOnlyList<string> ContactFor(this Person? person) =>
        person.InForce().Where(r => r.Role == Role.MunicipalityContact && r.MunicipalityNumber is not null)
            .Select(r => r.MunicipalityNumber!).Distinct().ToList();

    /// <summary>Office regions the person advises in.</summary>
    public static IReadOnlyList<int> AdvisesOffices(this Person? person) =>
        person.InForce().Where(r => r.Role == Role.Advisor && r.OfficeId is not null).Select(r => r.OfficeId!.Value).Distinct().ToList();

    public static bool CanWriteReport(this Person? person, string municipalityNumber) =>
        person.ContactFor().Contains(municipalityNumber);

    public static bool CanReadMunicipality(this Person? person, string municipalityNumber, int officeId) =>
        person.IsNationalOrAdmin()
        || person.ContactFor().Contains(municipalityNumber)
        || person.AdvisesOffices().Contains(officeId);

    /// <summary>Offices whose summary the person may see; null means all.</summary>
    public static IReadOnlyList<int>? VisibleOffices(this Person? person) =>
        person.IsNationalOrAdmin() ? null : person.AdvisesOffices();

    /// <summary>
    /// Who settles a claim to be contact for a municipality: the Statsforvalteren advisors of its office (they keep
    /// the list of contact persons), and administrators. KS and USHT advisors do not approve contacts.
    /// </summary>
    public static bool CanApproveClaimsFor(this Person? person, int officeId) =>
        person.Has(Role.Administrator)
        || person.InForce().Any(r => r.Role == Role.Advisor && r.OfficeId == officeId && r.Organisation == Organisation.Statsforvalteren);

    /// <summary>Offices whose pending claims the person settles; null means all (administrators).</summary>
    public static IReadOnlyList<int>? ApprovesForOffices(this Person? person) =>
        person.Has(Role.Administrator) ? null
        : person.InForce().Where(r => r.Role == Role.Advisor && r.Organisation == Organisation.Statsforvalteren && r.OfficeId is not null)
            .Select(r => r.OfficeId!.Value).Distinct().ToList();

    /// <summary>Whether the person may see round summaries at all (advisors, national users, administrators).</summary>
    public static bool CanSeeSummaries(this Person? person) => person.IsNationalOrAdmin() || person.AdvisesOffices().Count > 0;

    /// <summary>Whether the person may import people in Teams (administrators; advisors for their own office).</summary>
    public static bool CanImportPeople(this Person? person) => person.Has(Role.Administrator) || person.AdvisesOffices().Count > 0;

    /// <summary>Municipalities the person has claimed and that still wait for approval.</summary>
    public static IReadOnlyList<string> PendingClaims(this Person? person) =>
        person?.Roles.Where(r => !r.Approved && r.Role == Role.MunicipalityContact && r.MunicipalityNumber is not null)
            .Select(r => r.MunicipalityNumber!).ToList() ?? [];
}
