using LhlBot.Conversations;
using LhlBot.Conversations.Dialogs;
using LhlBot.Hosting;

namespace LhlBot.People;

internal static class PeopleServices
{
    /// <summary>The people registry's services; safe to call from more than one job (registers once).</summary>
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(RegistryLookup))) return services;
        services.AddSingleton<RegistryLookup>();
        services.AddScoped<PeopleImporter>();
        services.AddScoped<RoleAudit>();
        services.AddSingleton<ICliCommand, PeopleMapCliCommand>();
        services.AddSingleton<ICliCommand, RoleLogCliCommand>();
        services.AddSingleton<IProactiveMessenger, CloudAdapterMessenger>();
        services.AddOptions<Graph.GraphOptions>().BindConfiguration(Graph.GraphOptions.Section);
        services.AddSingleton<Graph.IGraphTokenSource, Graph.MsalGraphTokenSource>();
        services.AddHttpClient(Graph.GraphClient.HttpClientName).AddStandardResilienceHandler();
        services.AddSingleton<Graph.GraphClient>();
        services.AddSingleton<IProactiveReach, ProactiveReach>();
        services.AddScoped<PeopleNotifier>();
        services.AddScoped<Dialog, ClaimDialog>();
        services.AddScoped<Dialog, ImportDialog>();
        services.AddScoped<IBotFeature, PeopleFeature>();
        services.AddSingleton<ICliCommand, ContactsImportCliCommand>();
        services.AddSingleton<ICliCommand, AdvisorsImportCliCommand>();
        return services;
    }
}
