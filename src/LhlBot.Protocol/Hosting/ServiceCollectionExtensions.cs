using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LhlBot.Protocol;

public static class BotFrameworkServiceCollectionExtensions
{
    /// <summary>
    /// Registers the protocol layer: <see cref="BotFrameworkOptions"/> bound from the configuration root
    /// (the SDK's keys) and from the section "BotFramework" for the rest, the inbound JWT authenticator,
    /// the MSAL token provider, the connector client (IHttpClientFactory), and <see cref="CloudAdapter"/> as
    /// both itself and <see cref="IBotFrameworkHttpAdapter"/>. Middleware registered as <see cref="IMiddleware"/>
    /// services runs around every turn, in registration order.
    /// CONTRACT ONLY — implemented by the protocol work.
    /// </summary>
    public static IServiceCollection AddBotFramework(this IServiceCollection services, IConfiguration configuration) => services;
}
