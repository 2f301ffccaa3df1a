using Microsoft.Extensions.Options;

namespace LhlBot.Storage;

/// <summary>The resolved, existing data folder (database, index, logs): LHLBOT_DATA wins over appsettings.</summary>
internal sealed class DataFolder
{
    public DataFolder(IOptions<StorageOptions> options, IHostEnvironment environment)
    {
        var configured = Environment.GetEnvironmentVariable(StorageOptions.DataFolderEnvironmentVariable) is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : options.Value.DataFolder;
        Path = System.IO.Path.GetFullPath(configured, environment.ContentRootPath);
        Directory.CreateDirectory(Path);
        Provider = options.Value.Provider;
        DatabaseConnectionString = Provider switch
        {
            StorageProvider.PostgreSql => options.Value.ConnectionString is { Length: > 0 } npgsql
                ? npgsql
                : throw new InvalidOperationException("Storage:Provider is PostgreSql, but Storage:ConnectionString (the Npgsql connection string) is not set."),
            _ => options.Value.ConnectionString is { Length: > 0 } sqlite
                ? sqlite
                : $"Data Source={System.IO.Path.Combine(Path, options.Value.DatabaseFileName)}",
        };
    }

    public string Path { get; }

    public StorageProvider Provider { get; }

    public string DatabaseConnectionString { get; }

    public string Resolve(string relativeOrAbsolute) => System.IO.Path.GetFullPath(relativeOrAbsolute, Path);
}
