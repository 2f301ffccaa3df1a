namespace LhlBot.Hosting;

/// <summary>
/// A command-line verb of the bot (`dotnet run --project src/LhlBot -- NAME ...`). Each job keeps its own
/// commands in its folder; the host picks the one whose name matches the start of the arguments.
/// </summary>
internal interface ICliCommand
{
    /// <summary>One or more words, e.g. "ask" or "contacts import".</summary>
    string Name { get; }

    /// <summary>One line for the usage text.</summary>
    string Usage { get; }

    /// <param name="args">The arguments after the command's name.</param>
    /// <returns>The process exit code: 0 on success, 1 for bad input, 2 for bad usage.</returns>
    Task<int> RunAsync(string[] args, TextReader input, TextWriter output, CancellationToken cancellationToken);
}

internal static class CliCommands
{
    public static ICliCommand? Find(IEnumerable<ICliCommand> commands, string[] args, out string[] rest)
    {
        foreach (var command in commands.OrderByDescending(c => c.Name.Split(' ').Length))
        {
            var words = command.Name.Split(' ');
            if (args.Length >= words.Length && words.Select((w, i) => string.Equals(w, args[i], StringComparison.OrdinalIgnoreCase)).All(x => x))
            {
                rest = args[words.Length..];
                return command;
            }
        }
        rest = args;
        return null;
    }

    /// <summary>True when the arguments name a command rather than host settings (--urls ...).</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && !args[0].StartsWith('-');
}
