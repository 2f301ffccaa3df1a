using System.Collections.Concurrent;
using System.Text;

namespace LhlBot.Storage;

/// <summary>
/// Writes the log to logs/lhlbot-YYYY-MM-DD.log in the data folder, so an operator finds it beside the database.
/// Lines are queued and written by one background writer, so logging never blocks a turn on disk.
/// </summary>
internal sealed class FileLoggerProvider : ILoggerProvider
{
    private readonly BlockingCollection<string> lines = new(boundedCapacity: 10_000);
    private readonly string folder;
    private readonly Thread writer;

    public FileLoggerProvider(string folder)
    {
        this.folder = folder;
        Directory.CreateDirectory(folder);
        writer = new Thread(WriteLoop) { IsBackground = true, Name = "LhlBot file log" };
        writer.Start();
    }

    public ILogger CreateLogger(string categoryName) => new FileLogger(categoryName, lines);

    public void Dispose()
    {
        lines.CompleteAdding();
        writer.Join(TimeSpan.FromSeconds(2));
        lines.Dispose();
    }

    private void WriteLoop()
    {
        foreach (var line in lines.GetConsumingEnumerable())
        {
            try
            {
                File.AppendAllText(Path.Combine(folder, $"lhlbot-{DateTime.UtcNow:yyyy-MM-dd}.log"), line, Encoding.UTF8);
            }
            catch (IOException)
            {
                // A full or locked disk must not take the bot down; the console log still has the line.
            }
        }
    }

    private sealed class FileLogger(string category, BlockingCollection<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel) || lines.IsAddingCompleted) return;
            var line = $"{DateTimeOffset.UtcNow:O} {logLevel,-11} {category}: {formatter(state, exception)}{(exception is null ? "" : Environment.NewLine + exception)}{Environment.NewLine}";
            lines.TryAdd(line);
        }
    }
}
