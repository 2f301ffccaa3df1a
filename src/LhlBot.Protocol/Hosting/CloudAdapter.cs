using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
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
    /// <summary>How many rejection summaries were logged (tests: a flood is one line per interval).</summary>
    internal int RejectionSummaries => _rejections.Written;

    /// <summary>What the user sees when the bot fails in the middle of a turn.</summary>
    internal const string ApologyText = "Beklager, noe gikk galt hos meg. Prøv igjen om litt.";

    private readonly IBotAuthenticator _authenticator;
    private readonly IConnectorClient _connector;
    private readonly MiddlewarePipeline _pipeline;
    private readonly ILogger<CloudAdapter> _logger;
    private readonly BotFrameworkOptions _options;
    private readonly PartitionedRateLimiter<string> _failures;
    private readonly RejectionLog _rejections;

    internal CloudAdapter(IOptions<BotFrameworkOptions> options, IBotAuthenticator authenticator, IConnectorClient connector,
        IEnumerable<IMiddleware> middleware, TimeProvider time, ILogger<CloudAdapter> logger)
    {
        _options = options.Value;
        // ASP.NET Core's rate limiter, fed only by failures: a sender that keeps failing authentication is refused
        // with 429 before its token is even looked at, while the channel's good traffic is never limited.
        _failures = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, _options.FailedAuthenticationPermitLimit),
            Window = _options.FailedAuthenticationWindow,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
        _rejections = new RejectionLog(logger, time, _options.RejectionLogInterval);
        _authenticator = authenticator;
        _connector = connector;
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
        RunTurnAsync(activity, TurnAuthentication.InProcess, callback, cancellationToken);

    /// <summary>Sends into an existing conversation outside of a user's turn (proactive message).</summary>
    public async Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken = default)
    {
        await RunTurnAsync(reference.GetContinuationActivity(), TurnAuthentication.Proactive, callback, cancellationToken).ConfigureAwait(false);
    }

    public async Task ProcessAsync(HttpRequest request, HttpResponse response, IBot bot, CancellationToken cancellationToken = default)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = HttpMethods.Post;
            return;
        }

        // Nothing of the body is read until the sender is known, and never more than an activity needs: Kestrel
        // stops at the cap too, also when it drains the body of a request we refused.
        var maxBytes = _options.MaxActivityBytes;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = maxBytes;
        }

        var remote = request.HttpContext.Connection.RemoteIpAddress;
        var remoteKey = remote?.ToString() ?? "in-process";
        using (var allowed = _failures.AttemptAcquire(remoteKey, 0))
        {
            if (!allowed.IsAcquired)
            {
                _rejections.Record("too many failed authentications from one address", remoteKey);
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = ((int)Math.Ceiling(_options.FailedAuthenticationWindow.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return;
            }
        }

        var authentication = await _authenticator.AuthenticateRequestAsync(request.Headers.Authorization.ToString(), remote, cancellationToken).ConfigureAwait(false);
        if (authentication.Unavailable)
        {
            // The channel's keys could not be fetched: not the sender's fault, and the channel retries a 503.
            _rejections.Record(authentication.FailureReason ?? "signing keys unavailable", remoteKey);
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            response.Headers.RetryAfter = "10";
            return;
        }
        if (!authentication.Succeeded)
        {
            Reject(response, authentication.FailureReason, remoteKey);
            return;
        }

        if (request.ContentLength > maxBytes)
        {
            _rejections.Record($"body of {request.ContentLength} bytes is over the {maxBytes}-byte cap", remoteKey);
            response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        byte[]? body;
        try
        {
            body = await ReadBoundedAsync(request.Body, maxBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            body = null;
        }
        if (body is null)
        {
            _rejections.Record($"body over the {maxBytes}-byte cap", remoteKey);
            response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, ProtocolJson.Options);
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

        authentication = _authenticator.AuthorizeActivity(authentication, activity);
        if (!authentication.Succeeded)
        {
            Reject(response, authentication.FailureReason, remoteKey);
            return;
        }

        var invokeResponse = await RunTurnAsync(activity, authentication.IsAnonymous ? TurnAuthentication.LocalDevelopment : TurnAuthentication.Channel,
            bot.OnTurnAsync, cancellationToken).ConfigureAwait(false);
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

    /// <summary>401, counted against the sender's address for the failure rate limit, and logged in the interval's summary.</summary>
    private void Reject(HttpResponse response, string? reason, string remoteKey)
    {
        _failures.AttemptAcquire(remoteKey, 1).Dispose();
        _rejections.Record(reason ?? "unauthenticated", remoteKey);
        response.StatusCode = StatusCodes.Status401Unauthorized;
    }

    /// <summary>The whole body, or null as soon as it is longer than <paramref name="maxBytes"/> (chunked bodies have no Content-Length).</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>The turn itself: middleware and bot, failures turned into an apology, and the HTTP answer it calls for.</summary>
    private async Task<InvokeResponse?> RunTurnAsync(Activity activity, TurnAuthentication authentication, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        var context = new TurnContext(activity, _connector);
        context.TurnState[TurnAuthenticationExtensions.Key] = authentication;
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
