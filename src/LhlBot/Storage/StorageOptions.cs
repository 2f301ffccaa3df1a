namespace LhlBot.Storage;

/// <summary>Where LhlBot keeps its files: the SQLite database, the Lucene index and logs ("Storage" section).</summary>
public sealed class StorageOptions
{
    /// <summary>Overrides <see cref="DataFolder"/> when set, so an operator can move the data without editing files.</summary>
    public const string DataFolderEnvironmentVariable = "LHLBOT_DATA";

    /// <summary>Relative paths are resolved against the content root.</summary>
    public string DataFolder { get; set; } = ".data";

    public string DatabaseFileName { get; set; } = "lhlbot.db";

    /// <summary>A full connection string wins over the data folder (tests use it for isolated files).</summary>
    public string? ConnectionString { get; set; }
}
