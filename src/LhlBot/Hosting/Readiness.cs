namespace LhlBot.Hosting;

/// <summary>
/// How far start-up has come. The listener opens at once; the database (migrations, seeding) comes first and the
/// knowledge index after it, both in the background (<see cref="StartupService"/>). Until the database is ready,
/// /api/messages answers 503 with Retry-After, so the channel sends again; after it, every turn runs, and a question
/// asked while the index still loads is told to come back in a moment.
/// </summary>
internal sealed class Readiness
{
    private readonly TaskCompletionSource database = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource knowledge = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool DatabaseReady => database.Task.IsCompletedSuccessfully;

    /// <summary>True while the first index build runs (false again after it, whether it succeeded or not).</summary>
    public bool KnowledgeLoading => !knowledge.Task.IsCompleted;

    public Task WaitForDatabaseAsync(CancellationToken cancellationToken) => database.Task.WaitAsync(cancellationToken);

    /// <summary>Both stages done (tests and CLI verbs wait for this).</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => Task.WhenAll(database.Task, knowledge.Task).WaitAsync(cancellationToken);

    internal void DatabaseDone() => database.TrySetResult();

    internal void DatabaseFailed(Exception ex)
    {
        database.TrySetException(ex);
        knowledge.TrySetException(ex);
    }

    internal void KnowledgeDone() => knowledge.TrySetResult();
}

/// <summary>Runs <see cref="Startup"/> after the listener has opened.</summary>
internal sealed class StartupService(Startup startup, Readiness readiness, IHostApplicationLifetime lifetime, ILogger<StartupService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // let the host go on to start the server
        try
        {
            await startup.InitializeAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Without its database the bot cannot serve at all: stop, so the platform restarts it and the operator sees why.
            logger.LogCritical(ex, "Start-up failed; the bot stops.");
            readiness.DatabaseFailed(ex);
            lifetime.StopApplication();
        }
    }
}

/// <summary>The start-up gate in front of the Bot Framework endpoint, and the health probe.</summary>
internal static class StartupGate
{
    public const string StartingText = "Jeg starter opp, prøv igjen om litt.";

    /// <summary>Seconds a channel should wait before sending again while the database is prepared.</summary>
    private const int RetryAfterSeconds = 1;

    /// <summary>Every path but /healthz waits behind the gate: the bot endpoint, the chat page and the dashboard all need the database.</summary>
    public static void UseStartupGate(this WebApplication app)
    {
        var readiness = app.Services.GetRequiredService<Readiness>();
        app.Use(async (context, next) =>
        {
            if (!readiness.DatabaseReady && !context.Request.Path.StartsWithSegments("/healthz"))
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(StartingText);
                return;
            }
            await next(context);
        });
        app.MapGet("/healthz", () => readiness.DatabaseReady
            ? Results.Ok(new { status = "ok", knowledge = readiness.KnowledgeLoading ? "loading" : "ready" })
            : Results.Json(new { status = "starting" }, statusCode: StatusCodes.Status503ServiceUnavailable));
    }
}
