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
}
