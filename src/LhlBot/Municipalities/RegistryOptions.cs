namespace LhlBot.Municipalities;

/// <summary>Which municipality structure the registry is seeded with ("Registry" section).</summary>
internal sealed class RegistryOptions
{
    /// <summary>"2024" (357 municipalities, 15 counties; the default) or "2020" (356, 11 counties).</summary>
    public string Structure { get; set; } = "2024";

    /// <summary>Folder with municipalities-YYYY.csv; relative paths are resolved against the application folder.</summary>
    public string DataFolder { get; set; } = "data";
}
