using LhlBot.Conversations;
using LhlBot.Conversations.Dialogs;
using LhlBot.Hosting;
using LhlBot.People;

namespace LhlBot.StatusReports;

internal static class StatusReportsServices
{
    /// <summary>Status reporting and the people registry it stands on (menu order: report, then people).</summary>
    public static IServiceCollection AddStatusReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StatusReportsOptions>().Bind(configuration.GetSection("StatusReports"))
            .Validate(o => { try { o.ParsedDueDates(); return true; } catch (FormatException) { return false; } }, "StatusReports:DueDates must be \"MM-dd\" values.")
            .ValidateOnStart();
        services.AddSingleton<ReportingCalendar>();
        services.AddOptions<Reminders.RoundReminderOptions>().Bind(configuration.GetSection("StatusReports:Reminders"))
            .Validate(o => o.DaysBefore.All(d => d >= 0) && o.MessagesPerSecond > 0, "StatusReports:Reminders: DaysBefore must be >= 0 and MessagesPerSecond positive.")
            .ValidateOnStart();
        services.AddSingleton<Reminders.RoundReminderJob>();
        services.AddHostedService<Reminders.RoundReminderService>();
        services.AddScoped<StatusReportStore>();
        services.AddScoped<RoundSummaryBuilder>();
        services.AddScoped<Dialog, StatusReportDialog>();
        services.AddScoped<IBotFeature, StatusReportsFeature>();
        services.AddSingleton<ICliCommand, StatusReportCliCommand>();
        services.AddScoped<ISeeder, DemoDataSeeder>();
        services.AddPeople();
        return services;
    }
}
