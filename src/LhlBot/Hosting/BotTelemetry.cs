using System.Diagnostics;
using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace LhlBot.Hosting;

/// <summary>
/// The bot's OpenTelemetry signals, under the name "LhlBot": a span per turn and these instruments.
/// Without a listener (the default: Telemetry:Exporter empty) they cost next to nothing.
/// </summary>
internal sealed class BotTelemetry
{
    public const string Name = "LhlBot";

    public BotTelemetry(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        TurnDuration = meter.CreateHistogram<double>("lhlbot.turn.duration", "ms", "Time from a turn's start to its replies sent, by activity type.");
        TurnsActive = meter.CreateUpDownCounter<long>("lhlbot.turns.active", "{turn}", "Turns being processed now (the queue in front of the database).");
        TurnRetries = meter.CreateCounter<long>("lhlbot.turn.retries", "{attempt}", "Turn attempts thrown away because the conversation changed meanwhile (optimistic concurrency).");
        Duplicates = meter.CreateCounter<long>("lhlbot.activities.duplicates", "{activity}", "Channel re-deliveries acknowledged without processing.");
        Questions = meter.CreateCounter<long>("lhlbot.questions", "{question}", "Questions asked, by outcome: answered or declined.");
        BookingConflicts = meter.CreateCounter<long>("lhlbot.bookings.conflicts", "{booking}", "Bookings that lost the race for their time to another booking.");
        Pruned = meter.CreateCounter<long>("lhlbot.retention.pruned", "{row}", "Rows removed or pseudonymised by the retention job, by table.");
    }

    public ActivitySource Source { get; } = new(Name);
    public Histogram<double> TurnDuration { get; }
    public UpDownCounter<long> TurnsActive { get; }
    public Counter<long> TurnRetries { get; }
    public Counter<long> Duplicates { get; }
    public Counter<long> Questions { get; }
    public Counter<long> BookingConflicts { get; }
    public Counter<long> Pruned { get; }
}

/// <summary>Which exporter the signals go to ("Telemetry" section).</summary>
internal sealed class TelemetryOptions
{
    /// <summary>Empty (off), `console`, or `otlp` (endpoint and headers from the standard OTEL_EXPORTER_OTLP_* variables).</summary>
    public string Exporter { get; set; } = "";
}

internal static class TelemetryServices
{
    public static IServiceCollection AddBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMetrics();
        services.AddSingleton<BotTelemetry>();
        var exporter = configuration.GetSection("Telemetry").Get<TelemetryOptions>()?.Exporter?.Trim().ToLowerInvariant() ?? "";
        if (exporter is not ("console" or "otlp")) return services;

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(BotTelemetry.Name))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(BotTelemetry.Name).AddAspNetCoreInstrumentation();
                if (exporter == "console") metrics.AddConsoleExporter();
                else metrics.AddOtlpExporter();
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource(BotTelemetry.Name).AddAspNetCoreInstrumentation();
                if (exporter == "console") tracing.AddConsoleExporter();
                else tracing.AddOtlpExporter();
            });
        return services;
    }
}
