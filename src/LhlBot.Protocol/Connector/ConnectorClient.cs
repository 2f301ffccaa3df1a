using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LhlBot.Protocol;

/// <summary>
/// The Bot Connector REST API (v3) over HttpClient. Every call retries throttling and transient failures with
/// backoff, and in the end reports failure as a null id / null result with a logged error, so that a turn
/// never dies because Teams was unavailable.
/// </summary>
internal sealed class ConnectorClient : IConnectorClient
{
    public const string HttpClientName = "LhlBot.Connector";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IAccessTokenProvider _tokens;
    private readonly ServiceUrlTrust _trust;
    private readonly BotFrameworkOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ConnectorClient> _logger;

    public ConnectorClient(IHttpClientFactory httpClientFactory, IAccessTokenProvider tokens, ServiceUrlTrust trust,
        IOptions<BotFrameworkOptions> options, TimeProvider time, ILogger<ConnectorClient> logger)
    {
        _httpClientFactory = httpClientFactory;
        _tokens = tokens;
        _trust = trust;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    public async Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default)
    {
        var body = await SendAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities", activity, cancellationToken).ConfigureAwait(false);
        return new ResourceResponse(ReadId(body));
    }

    public async Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        var body = await SendAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", activity, cancellationToken).ConfigureAwait(false);
        return new ResourceResponse(ReadId(body));
    }

    public async Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        var body = await SendAsync(HttpMethod.Put, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", activity, cancellationToken).ConfigureAwait(false);
        // Teams answers an update with the id, or with an empty body; either way the activity keeps its id.
        return new ResourceResponse(body is null ? null : ReadId(body) ?? activityId);
    }

    public async Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default)
    {
        await SendAsync(HttpMethod.Delete, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", null, cancellationToken).ConfigureAwait(false);
    }

    public async Task<TeamsChannelAccount?> GetConversationMemberAsync(string serviceUrl, string conversationId, string userId, CancellationToken cancellationToken = default)
    {
        var body = await SendAsync(HttpMethod.Get, serviceUrl, $"v3/conversations/{Escape(conversationId)}/members/{Escape(userId)}", null, cancellationToken).ConfigureAwait(false);
        return Deserialize<TeamsChannelAccount>(body);
    }

    public async Task<ConversationReference?> CreateConversationAsync(string serviceUrl, string tenantId, ChannelAccount bot, ChannelAccount user, CancellationToken cancellationToken = default)
    {
        var parameters = new JsonObject
        {
            ["bot"] = JsonSerializer.SerializeToNode(bot, ProtocolJson.Options),
            ["members"] = new JsonArray(JsonSerializer.SerializeToNode(user, ProtocolJson.Options)),
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } },
            ["tenantId"] = tenantId,
            ["isGroup"] = false,
        };
        var body = await SendAsync(HttpMethod.Post, serviceUrl, "v3/conversations", parameters, cancellationToken).ConfigureAwait(false);
        var created = Deserialize<ConversationResourceResponse>(body);
        if (string.IsNullOrEmpty(created?.Id))
        {
            return null;
        }

        return new ConversationReference
        {
            ActivityId = created.ActivityId,
            Bot = bot,
            User = user,
            Conversation = new ConversationAccount { Id = created.Id, TenantId = tenantId, ConversationType = "personal", IsGroup = false },
            ChannelId = Channels.Msteams,
            ServiceUrl = string.IsNullOrEmpty(created.ServiceUrl) ? serviceUrl : created.ServiceUrl,
        };
    }

    /// <summary>Sends one request with retries; the response body on success (possibly empty), null on failure.</summary>
    private async Task<string?> SendAsync(HttpMethod method, string serviceUrl, string relativePath, object? payload, CancellationToken cancellationToken)
    {
        var operation = $"{method} {relativePath}";
        if (!Uri.TryCreate(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/", UriKind.Absolute, out var baseUri)
            || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp))
        {
            _logger.LogError("Connector call {Operation} skipped: serviceUrl '{ServiceUrl}' is not an http(s) URL", operation, serviceUrl);
            return null;
        }

        if (!_trust.IsTrusted(serviceUrl))
        {
            _logger.LogError(_options.IsAuthenticationEnabled
                ? "Connector call {Operation} refused: serviceUrl {ServiceUrl} is not an https host on BotFramework:AllowedServiceUrlHosts, so it gets no token"
                : "Connector call {Operation} refused: serviceUrl {ServiceUrl} is not loopback in the Development environment (local-development mode)", operation, serviceUrl);
            return null;
        }

        string? token = null;
        if (_options.IsAuthenticationEnabled)
        {
            token = await _tokens.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
            if (token is null)
            {
                _logger.LogError("Connector call {Operation} skipped: no access token", operation);
                return null;
            }
        }

        var uri = new Uri(baseUri, relativePath);
        var json = payload is null ? null : JsonSerializer.Serialize(payload, payload.GetType(), ProtocolJson.Options);
        var client = _httpClientFactory.CreateClient(HttpClientName);

        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, uri);
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            if (json is not null)
            {
                request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }

            RetryConditionHeaderValue? retryAfter = null;
            string failure;
            try
            {
                using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                }

                failure = $"HTTP {(int)response.StatusCode}";
                if (!RetryDelays.IsRetryable(response.StatusCode))
                {
                    var detail = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                    _logger.LogError("Connector call {Operation} to {ServiceUrl} failed with {Failure}: {Detail}", operation, serviceUrl, failure, Truncate(detail));
                    return null;
                }

                retryAfter = response.Headers.RetryAfter;
            }
            catch (HttpRequestException ex)
            {
                failure = ex.Message;
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                // HttpClient's own timeout, not the caller giving up.
                failure = ex.Message;
            }

            if (attempt >= _options.MaxRetries)
            {
                _logger.LogError("Connector call {Operation} to {ServiceUrl} gave up after {Attempts} attempts; last failure: {Failure}", operation, serviceUrl, attempt + 1, failure);
                return null;
            }

            var delay = RetryDelays.For(attempt, retryAfter, _options.RetryBaseDelay, _options.MaxRetryDelay, _time.GetUtcNow());
            _logger.LogWarning("Connector call {Operation} failed ({Failure}); retry {Retry} of {MaxRetries} in {Delay}", operation, failure, attempt + 1, _options.MaxRetries, delay);
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);

    private string? ReadId(string? body) => Deserialize<ResourceResponse>(body)?.Id;

    private T? Deserialize<T>(string? body) where T : class
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(body, ProtocolJson.Options);
        }
        catch (JsonException ex)
        {
            _logger.LogWarning(ex, "The connector answered with JSON we could not read as {Type}", typeof(T).Name);
            return null;
        }
    }

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500] + "…";

    /// <summary>The answer to POST v3/conversations.</summary>
    private sealed class ConversationResourceResponse
    {
        public string? Id { get; set; }
        public string? ActivityId { get; set; }
        public string? ServiceUrl { get; set; }
    }
}
