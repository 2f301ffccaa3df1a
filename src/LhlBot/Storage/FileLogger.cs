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
            // One entry, one line: a line break inside a logged value (a user's text, an activity id) cannot forge an entry.
            var line = $"{DateTimeOffset.UtcNow:O} {logLevel,-11} {category}: {LogText.Safe(formatter(state, exception), int.MaxValue)}{(exception is null ? "" : Environment.NewLine + exception)}{Environment.NewLine}";
            lines.TryAdd(line);
        }
    }
}

/// <summary>Values from outside (activity ids, names, typed text) made safe for a log line.</summary>
internal static class LogText
{
    /// <summary>Line breaks and other control characters written as \n, \r, \uXXXX; at most 500 characters.</summary>
    public static string Safe(string? value, int maxLength = 500)
    {
        if (string.IsNullOrEmpty(value)) return value ?? "";
        if (!value.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029') && value.Length <= maxLength) return value;
        var builder = new StringBuilder(Math.Min(value.Length, maxLength) + 16);
        foreach (var c in value.Length > maxLength ? value[..maxLength] : value)
        {
            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        if (value.Length > maxLength) builder.Append('…');
        return builder.ToString();
    }
}
