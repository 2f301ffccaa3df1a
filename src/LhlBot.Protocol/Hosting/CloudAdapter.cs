using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LhlBot.Protocol;

/// <summary>Turns an HTTP request from a channel into a turn for the bot, as the SDK's IBotFrameworkHttpAdapter.</summary>
public interface IBotFrameworkHttpAdapter
{
    /// <summary>
    /// Handles POST /api/messages: authenticates (401 on failure), parses (400 on bad JSON or missing type),
    /// runs the turn through middleware and bot, and answers: 200 empty, the invoke response,
    /// or 200 {"activities":[...]} for deliveryMode expectReplies.
    /// </summary>
    Task ProcessAsync(HttpRequest request, HttpResponse response, IBot bot, CancellationToken cancellationToken = default);
}

/// <summary>
/// The adapter, as the SDK's CloudAdapter: runs turns for inbound activities (HTTP or in-process)
/// and continues conversations proactively. Created by <see cref="BotFrameworkServiceCollectionExtensions.AddBotFramework"/>.
/// </summary>
public sealed class CloudAdapter : IBotFrameworkHttpAdapter
{
    /// <summary>What the user sees when the bot fails in the middle of a turn.</summary>
    internal const string ApologyText = "Beklager, noe gikk galt hos meg. Prøv igjen om litt.";

    private readonly IBotAuthenticator _authenticator;
    private readonly IConnectorClient _connector;
    private readonly ServiceUrlTrust _trust;
    private readonly MiddlewarePipeline _pipeline;
    private readonly ILogger<CloudAdapter> _logger;

    internal CloudAdapter(IOptions<BotFrameworkOptions> options, IBotAuthenticator authenticator, IConnectorClient connector,
        ServiceUrlTrust trust, IEnumerable<IMiddleware> middleware, ILogger<CloudAdapter> logger)
    {
        _authenticator = authenticator;
        _connector = connector;
        _trust = trust;
        _pipeline = new MiddlewarePipeline(middleware);
        _logger = logger;
        if (!options.Value.IsAuthenticationEnabled)
        {
            _logger.LogWarning("MicrosoftAppId is not set: inbound authentication is OFF and only requests from this machine are accepted; outbound calls carry no token. For local development only.");
        }
    }

    /// <summary>
    /// Runs one turn for an activity that is already trusted (in-process callers: the terminal chat, tests).
    /// Returns the invoke response for invokes, an InvokeResponse with status 200 and an
    /// <see cref="ExpectedReplies"/> body for expectReplies, else null.
    /// </summary>
    public Task<InvokeResponse?> ProcessActivityAsync(Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken = default) =>
        RunTurnAsync(activity, callback, cancellationToken);

    /// <summary>Sends into an existing conversation outside of a user's turn (proactive message).</summary>
    public async Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken = default)
    {
        await RunTurnAsync(reference.GetContinuationActivity(), callback, cancellationToken).ConfigureAwait(false);
    }

    public async Task ProcessAsync(HttpRequest request, HttpResponse response, IBot bot, CancellationToken cancellationToken = default)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = HttpMethods.Post;
            return;
        }

        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync<Activity>(request.Body, ProtocolJson.Options, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            _logger.LogInformation("Rejected a request whose body is not an activity: {Error}", ex.Message);
            response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
        {
            _logger.LogInformation("Rejected an activity without a type");
            response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var authentication = await _authenticator.AuthenticateAsync(
            request.Headers.Authorization.ToString(), request.HttpContext.Connection.RemoteIpAddress, activity, cancellationToken).ConfigureAwait(false);
        if (!authentication.Succeeded)
        {
            _logger.LogWarning("Rejected an inbound {Type} activity: {Reason}", activity.Type, authentication.FailureReason);
            response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (!authentication.IsAnonymous)
        {
            _trust.TrustAuthenticated(activity.ServiceUrl);
        }

        var invokeResponse = await RunTurnAsync(activity, bot.OnTurnAsync, cancellationToken).ConfigureAwait(false);
        if (invokeResponse is null)
        {
            response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        response.StatusCode = invokeResponse.Status;
        if (invokeResponse.Body is not null)
        {
            response.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(response.Body, invokeResponse.Body, invokeResponse.Body.GetType(), ProtocolJson.Options, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The turn itself: middleware and bot, failures turned into an apology, and the HTTP answer it calls for.</summary>
    private async Task<InvokeResponse?> RunTurnAsync(Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        var context = new TurnContext(activity, _connector);
        var isInvoke = activity.Type == ActivityTypes.Invoke;
        try
        {
            await _pipeline.RunAsync(context, callback, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            _logger.LogError(ex, "The bot failed on a {Type} activity {Name} in conversation {ConversationId}",
                activity.Type, activity.Name, activity.Conversation?.Id);
            if (isInvoke)
            {
                return new InvokeResponse { Status = StatusCodes.Status500InternalServerError, Body = ErrorBody() };
            }

            await ApologiseAsync(context, cancellationToken).ConfigureAwait(false);
        }

        if (isInvoke)
        {
            return ReadInvokeResponse(context) ?? new InvokeResponse { Status = StatusCodes.Status501NotImplemented };
        }

        if (context.BuffersReplies)
        {
            return new InvokeResponse { Status = StatusCodes.Status200OK, Body = new ExpectedReplies { Activities = [.. context.BufferedReplies] } };
        }

        return null;
    }

    private async Task ApologiseAsync(TurnContext context, CancellationToken cancellationToken)
    {
        try
        {
            await context.SendActivityAsync(MessageFactory.Text(ApologyText), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Could not even send the apology");
        }
    }

    private static InvokeResponse? ReadInvokeResponse(TurnContext context)
    {
        if (!context.TurnState.TryGetValue(TurnContext.InvokeResponseKey, out var stored) || stored is not Activity { Value: JsonObject value })
        {
            return null;
        }

        var status = value["status"] is JsonValue s && s.TryGetValue<int>(out var code) ? code : StatusCodes.Status200OK;
        return new InvokeResponse { Status = status, Body = value["body"]?.DeepClone() };
    }

    /// <summary>The Universal Actions error shape, which Teams shows to the user; no exception details leave the process.</summary>
    private static JsonObject ErrorBody() => new()
    {
        ["statusCode"] = StatusCodes.Status500InternalServerError,
        ["type"] = ContentTypes.Error,
        ["value"] = new JsonObject { ["code"] = "InternalServerError", ["message"] = ApologyText },
    };
}
