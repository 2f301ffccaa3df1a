namespace LhlBot.Storage;

/// <summary>The data folder as the host is being built, before DI exists (for the file logger).</summary>
internal sealed class DataFolderProbe(IConfiguration configuration, IHostEnvironment environment)
{
    public string Path => new DataFolder(
        Microsoft.Extensions.Options.Options.Create(configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions()),
        environment).Path;
}
