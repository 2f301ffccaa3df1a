// TEMPORARY: placeholders until the protocol branch is merged; deleted at that merge.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Http;

namespace LhlBot.Protocol;

public sealed class ShowTypingMiddleware : IMiddleware
{
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken) => next(cancellationToken);
}

public static class BotFrameworkEndpointExtensions
{
    public static IEndpointConventionBuilder MapBotFramework(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages") =>
        endpoints.MapPost(pattern, () => Results.StatusCode(501));
}
