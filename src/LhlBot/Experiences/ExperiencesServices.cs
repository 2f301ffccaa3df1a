using LhlBot.Conversations;
using LhlBot.Conversations.Dialogs;
using LhlBot.Hosting;
using LhlBot.Questions;
using LhlBot.StatusReports;

namespace LhlBot.Experiences;

internal static class ExperiencesServices
{
    /// <summary>The experience bank (erfaringsbanken): entries from reports, their search beside the documents, the advisors' upkeep.</summary>
    public static IServiceCollection AddExperiences(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ExperienceOptions>().Bind(configuration.GetSection("Experiences"))
            .Validate(o => o.MinCoverage is > 0 and <= 1 && o.MaxShown > 0 && o.MaxListed > 0, "Experiences: MinCoverage must be in (0, 1], MaxShown and MaxListed positive.")
            .ValidateOnStart();
        services.AddScoped<ExperienceBank>();
        services.AddSingleton<ExperienceSearch>();
        services.AddScoped<ExperiencesFeature>();
        services.AddScoped<IBotFeature>(p => p.GetRequiredService<ExperiencesFeature>());
        services.AddScoped<IAnswerSupplement>(p => p.GetRequiredService<ExperiencesFeature>());
        services.AddScoped<IReportSubmitted>(p => p.GetRequiredService<ExperiencesFeature>());
        services.AddScoped<Dialog, ExperienceDialog>();
        services.AddSingleton<ICliCommand, ExperiencesCliCommand>();
        services.AddScoped<ISeeder, ExperienceSeeder>(); // after the status reports' demo data
        return services;
    }
}
