using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace LhlBot.Protocol.Tests.Infrastructure;

/// <summary>One request the fake connector received.</summary>
internal sealed record ConnectorRequest(string Method, string RawTarget, string? Authorization, JsonNode? Body);

/// <summary>
/// The Bot Framework's side, on loopback: OpenID metadata and JWKS (http), the Entra token endpoint (https, with a
/// self-signed certificate, because MSAL will not talk to an http authority) and the Bot Connector (http).
/// </summary>
internal sealed class FakeBotFrameworkService : IAsyncDisposable
{
    public const string AccessToken = "connector-access-token";

    private readonly Lock _gate = new();
    private readonly List<TestSigningKey> _keys = [];
    private readonly ConcurrentQueue<ConnectorRequest> _connectorRequests = new();
    private readonly ConcurrentQueue<Func<HttpResponse, Task>> _plannedConnectorAnswers = new();
    private int _keysRequests;
    private int _tokenRequests;
    private int _activityCounter;

    private FakeBotFrameworkService() { }

    public LoopbackServer Http { get; private set; } = null!;
    public LoopbackServer Https { get; private set; } = null!;

    /// <summary>The certificate of the https server, which the bot's MSAL client is told to trust.</summary>
    public X509Certificate2 Certificate { get; private set; } = null!;

    public string MetadataUrl => new Uri(Http.BaseAddress, ".well-known/openidconfiguration").ToString();
    public string ServiceUrl => new Uri(Http.BaseAddress, "teams/").ToString();
    public string LoginAuthorityHost => Https.BaseAddress.ToString().TrimEnd('/');

    public int KeysRequests => Volatile.Read(ref _keysRequests);
    public int TokenRequests => Volatile.Read(ref _tokenRequests);
    public IReadOnlyList<ConnectorRequest> ConnectorRequests => [.. _connectorRequests];
    public string? LastTokenRequestPath { get; private set; }
    public IFormCollection? LastTokenRequestForm { get; private set; }

    /// <summary>Always-on connector answer, e.g. a dead service; null for the normal 200.</summary>
    public Func<HttpResponse, Task>? ConnectorOverride { get; set; }

    public static async Task<FakeBotFrameworkService> StartAsync()
    {
        var service = new FakeBotFrameworkService { Certificate = CreateCertificate() };
        service.Http = await LoopbackServer.StartAsync(service.MapHttp);
        service.Https = await LoopbackServer.StartAsync(service.MapHttps, certificate: service.Certificate);
        return service;
    }

    public void AddKey(TestSigningKey key)
    {
        lock (_gate) { _keys.Add(key); }
    }

    /// <summary>The next connector calls are answered like this, one per call, before normal service resumes.</summary>
    public void PlanConnectorAnswer(int status, string? retryAfter = null) =>
        _plannedConnectorAnswers.Enqueue(response =>
        {
            response.StatusCode = status;
            if (retryAfter is not null)
            {
                response.Headers.RetryAfter = retryAfter;
            }

            return Task.CompletedTask;
        });

    private void MapHttp(WebApplication app)
    {
        app.MapGet("/.well-known/openidconfiguration", () => Results.Json(new JsonObject
        {
            ["issuer"] = "https://api.botframework.com",
            ["authorization_endpoint"] = "https://invalid.botframework.com",
            ["jwks_uri"] = new Uri(Http.BaseAddress, ".well-known/keys").ToString(),
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
        }));
        app.MapGet("/.well-known/keys", () =>
        {
            Interlocked.Increment(ref _keysRequests);
            lock (_gate)
            {
                return Results.Json(new JsonObject { ["keys"] = new JsonArray([.. _keys.Select(k => (JsonNode)k.ToJwk())]) });
            }
        });
        app.Map("/teams/{**rest}", async (HttpContext context) =>
        {
            JsonNode? body = null;
            if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
            {
                body = await JsonNode.ParseAsync(context.Request.Body);
            }

            _connectorRequests.Enqueue(new ConnectorRequest(
                context.Request.Method,
                context.Features.Get<IHttpRequestFeature>()!.RawTarget,
                context.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null,
                body));

            if (ConnectorOverride is { } always)
            {
                await always(context.Response);
                return;
            }

            if (_plannedConnectorAnswers.TryDequeue(out var planned))
            {
                await planned(context.Response);
                return;
            }

            if (HttpMethods.IsGet(context.Request.Method))
            {
                await context.Response.WriteAsJsonAsync(new JsonObject
                {
                    ["id"] = "29:user", ["name"] = "Kari Nordmann", ["email"] = "kari@example.no",
                    ["userPrincipalName"] = "kari@example.no", ["givenName"] = "Kari", ["tenantId"] = "tenant-1",
                });
                return;
            }

            if (HttpMethods.IsDelete(context.Request.Method))
            {
                return;
            }

            var number = Interlocked.Increment(ref _activityCounter);
            await context.Response.WriteAsJsonAsync(new JsonObject
            {
                ["id"] = context.Request.Path.Value!.EndsWith("/v3/conversations", StringComparison.Ordinal) ? "a:new-conversation" : $"activity-{number}",
                ["activityId"] = $"activity-{number}",
            });
        });
    }

    private void MapHttps(WebApplication app)
    {
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpContext context) =>
        {
            Interlocked.Increment(ref _tokenRequests);
            LastTokenRequestPath = context.Request.Path;
            LastTokenRequestForm = await context.Request.ReadFormAsync();
            return Results.Json(new JsonObject
            {
                ["token_type"] = "Bearer",
                ["expires_in"] = 3600,
                ["ext_expires_in"] = 3600,
                ["access_token"] = AccessToken,
            });
        });
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        // Round-trip through PFX so Kestrel gets a certificate with a usable private key on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        await Http.DisposeAsync();
        await Https.DisposeAsync();
        Certificate.Dispose();
    }
}
