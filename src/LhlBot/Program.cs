using LhlBot.Hosting;
using LhlBot.Protocol;
using LhlBot.Storage;
using LhlBot.Web;

// LhlBot: `dotnet run --project src/LhlBot` serves the bot on http://localhost:3978/api/messages;
// `dotnet run --project src/LhlBot -- COMMAND ...` runs a command (chat, ask, eval, report, ...) instead.
var isCommand = CliCommands.IsCommand(args);
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = isCommand ? [] : args });
builder.WebHost.UseUrls(builder.Configuration["urls"] ?? "http://localhost:3978");
builder.Services.AddLhlBot(builder.Configuration);
if (isCommand)
{
    // Commands print their own output; the log stays in the file.
    builder.Logging.ClearProviders();
}
builder.Logging.AddProvider(new FileLoggerProvider(Path.Combine(
    new DataFolderProbe(builder.Configuration, builder.Environment).Path, "logs")));

var app = builder.Build();

if (isCommand)
{
    await app.Services.GetRequiredService<Startup>().InitializeAsync();
    var commands = app.Services.GetServices<ICliCommand>().ToList();
    var command = CliCommands.Find(commands, args, out var rest);
    if (command is null)
    {
        Console.Error.WriteLine($"Ukjent kommando «{string.Join(' ', args)}». Dette finnes:");
        foreach (var known in commands.OrderBy(c => c.Name)) Console.Error.WriteLine("  " + known.Usage);
        return 2;
    }
    using var stop = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
    return await command.RunAsync(rest, Console.In, Console.Out, stop.Token);
}

// The listener opens at once; StartupService prepares the database and the index behind the start-up gate.
app.UseStartupGate();
app.MapBotFramework("/api/messages");
app.MapWeb(); // the chat page at / (local development), the status dashboard at /status (also a Teams tab)
await app.RunAsync();
return 0;

public partial class Program;
