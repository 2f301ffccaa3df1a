namespace LhlBot.Storage;

/// <summary>Which database the bot keeps its data in.</summary>
public enum StorageProvider
{
    /// <summary>A SQLite file in the data folder: one instance (or several processes on one machine).</summary>
    Sqlite,

    /// <summary>A PostgreSQL database (Npgsql): several bot instances behind one Bot Service.</summary>
    PostgreSql,
}

/// <summary>Where LhlBot keeps its data: the database, the Lucene index and logs ("Storage" section).</summary>
public sealed class StorageOptions
{
    /// <summary>Overrides <see cref="DataFolder"/> when set, so an operator can move the data without editing files.</summary>
    public const string DataFolderEnvironmentVariable = "LHLBOT_DATA";

    /// <summary>`Sqlite` (default) or `PostgreSql`.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Relative paths are resolved against the content root. Holds the index and logs for either provider.</summary>
    public string DataFolder { get; set; } = ".data";

    /// <summary>The SQLite file in the data folder (when <see cref="ConnectionString"/> is not set).</summary>
    public string DatabaseFileName { get; set; } = "lhlbot.db";

    /// <summary>
    /// For PostgreSQL the Npgsql connection string (required). For SQLite it wins over the data folder's file
    /// (tests use it for isolated files).
    /// </summary>
    public string? ConnectionString { get; set; }
}
