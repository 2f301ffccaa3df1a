using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LhlBot.Protocol;

public static class BotFrameworkServiceCollectionExtensions
{
    /// <summary>
    /// Registers the protocol layer: <see cref="BotFrameworkOptions"/> bound from the configuration root
    /// (the SDK's keys) and from the section "BotFramework" for the rest, the inbound JWT authenticator,
    /// the MSAL token provider, the connector client (IHttpClientFactory), and <see cref="CloudAdapter"/> as
    /// both itself and <see cref="IBotFrameworkHttpAdapter"/>. Middleware registered as <see cref="IMiddleware"/>
    /// services runs around every turn, in registration order; register it as a singleton (the adapter is one).
    /// </summary>
    public static IServiceCollection AddBotFramework(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotFrameworkOptions>()
            .Bind(configuration.GetSection("BotFramework"))
            .Configure(options =>
            {
                // The SDK's keys live at the root, as Azure Bot Service and the Teams Toolkit write them.
                options.MicrosoftAppId = configuration["MicrosoftAppId"] ?? options.MicrosoftAppId;
                options.MicrosoftAppPassword = configuration["MicrosoftAppPassword"] ?? options.MicrosoftAppPassword;
                options.MicrosoftAppTenantId = configuration["MicrosoftAppTenantId"] ?? options.MicrosoftAppTenantId;
                if (!string.IsNullOrWhiteSpace(configuration["MicrosoftAppType"]))
                {
                    options.MicrosoftAppType = configuration["MicrosoftAppType"]!;
                }
            });

        services.AddHttpClient(OpenIdMetadataCache.HttpClientName);
        services.AddHttpClient(MsalHttpClientFactory.HttpClientName);
        services.AddHttpClient(ConnectorClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ServiceUrlTrust>();
        services.TryAddSingleton<OpenIdMetadataCache>();
        services.TryAddSingleton<IBotAuthenticator, BotAuthenticator>();
        services.TryAddSingleton<IAccessTokenProvider, MsalAccessTokenProvider>();
        services.TryAddSingleton<IConnectorClient, ConnectorClient>();
        services.TryAddSingleton(provider => new CloudAdapter(
            provider.GetRequiredService<IOptions<BotFrameworkOptions>>(),
            provider.GetRequiredService<IBotAuthenticator>(),
            provider.GetRequiredService<IConnectorClient>(),
            provider.GetServices<IMiddleware>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<CloudAdapter>>()));
        services.TryAddSingleton<IBotFrameworkHttpAdapter>(provider => provider.GetRequiredService<CloudAdapter>());
        return services;
    }
}
