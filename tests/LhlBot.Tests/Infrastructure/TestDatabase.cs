using Npgsql;

namespace LhlBot.Tests.Infrastructure;

/// <summary>
/// Which database the test hosts run on. By default each host's SQLite file in its data folder. When the environment
/// variable <see cref="Variable"/> holds an Npgsql connection string to a PostgreSQL server (`.ci/run` starts one),
/// the same tests run on PostgreSQL instead: every data folder gets its own database, created on first use and
/// dropped by the host that owns the folder, so two hosts on one folder are two instances on one database.
/// </summary>
public static class TestDatabase
{
    public const string Variable = "LHLBOT_TEST_POSTGRES";

    public static string? PostgresServer => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool IsPostgres => PostgresServer is not null;

    /// <summary>The Storage settings for a host on this data folder (none for SQLite: the folder's file is the default).</summary>
    public static IReadOnlyDictionary<string, string?> SettingsFor(string dataFolder)
    {
        if (PostgresServer is not { } server) return new Dictionary<string, string?>();
        var name = DatabaseName(dataFolder);
        Ensure(server, name);
        return new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "PostgreSql",
            ["Storage:ConnectionString"] = ConnectionString(name),
        };
    }

    /// <summary>The Npgsql connection string of this folder's database.</summary>
    public static string ConnectionString(string databaseName) =>
        new NpgsqlConnectionStringBuilder(PostgresServer) { Database = databaseName, Pooling = true }.ConnectionString;

    public static string DatabaseName(string dataFolder) =>
        "lhl_" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Path.GetFullPath(dataFolder))))[..24].ToLowerInvariant();

    /// <summary>Drops the folder's database (after its hosts are stopped).</summary>
    public static void Drop(string dataFolder)
    {
        if (PostgresServer is not { } server) return;
        var name = DatabaseName(dataFolder);
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }

    private static void Ensure(string server, string name)
    {
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", name);
        if (exists.ExecuteScalar() is not null) return;
        using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        try
        {
            create.ExecuteNonQuery();
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another host on the same folder created it a moment ago.
        }
    }
}
