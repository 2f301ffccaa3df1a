namespace LhlBot.Chat;

/// <summary>
/// The demo identities (seeded when Demo:Enabled) that the terminal chat's `--as` and the local chat page and
/// dashboard's persona picker select. Local development only: with an app id set, callers sign in.
/// </summary>
internal static class Personas
{
    public sealed record Persona(string Key, string Name, string AadObjectId, string Description);

    public static IReadOnlyList<Persona> All { get; } =
    [
        new("kontakt", "Demo Kontaktperson", "00000000-0000-0000-0000-000000000001", "kontaktperson for Bodø kommune"),
        new("radgiver", "Demo Rådgiver", "00000000-0000-0000-0000-000000000002", "rådgiver hos Statsforvalteren i Nordland"),
        new("nasjonal", "Demo Helsedirektoratet", "00000000-0000-0000-0000-000000000003", "Helsedirektoratet, ser hele landet"),
        new("admin", "Demo Administrator", "00000000-0000-0000-0000-000000000004", "administrator"),
        new("ukjent", "Ukjent Bruker", "00000000-0000-0000-0000-0000000000ff", "en bruker boten ikke kjenner"),
    ];

    public static Persona? Find(string? key) =>
        All.FirstOrDefault(p => string.Equals(p.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase)
            // «rådgiver» as people write it, besides the ASCII key.
            || string.Equals(p.Key, key?.Trim().Replace('å', 'a').Replace('Å', 'a'), StringComparison.OrdinalIgnoreCase));

    public static string Keys => string.Join(", ", All.Select(p => p.Key));
}
