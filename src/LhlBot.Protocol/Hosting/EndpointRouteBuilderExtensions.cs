using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LhlBot.Protocol;

public static class BotFrameworkEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the messaging endpoint (all methods, so that the adapter can answer 405 itself) to
    /// <see cref="IBotFrameworkHttpAdapter"/> with the <see cref="IBot"/> from the request's services.
    /// The adapter is resolved here, at startup, so configuration mistakes show at once.
    /// </summary>
    public static IEndpointConventionBuilder MapBotFramework(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages")
    {
        var adapter = endpoints.ServiceProvider.GetRequiredService<IBotFrameworkHttpAdapter>();
        return endpoints.Map(pattern, (HttpContext context) =>
            adapter.ProcessAsync(context.Request, context.Response, context.RequestServices.GetRequiredService<IBot>(), context.RequestAborted));
    }
}
