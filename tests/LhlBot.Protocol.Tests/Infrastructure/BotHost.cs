using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LhlBot.Protocol.Tests.Infrastructure;

/// <summary>A bot as the app hosts it: AddBotFramework + MapBotFramework on a real Kestrel port, talking to the fake service.</summary>
internal sealed class BotHost : IAsyncDisposable
{
    public const string AppId = "00000000-0000-0000-0000-0000000000b0";

    private BotHost(LoopbackServer server)
    {
        Server = server;
        Client = new HttpClient { BaseAddress = server.BaseAddress };
    }

    public LoopbackServer Server { get; }
    public HttpClient Client { get; }
    public CloudAdapter Adapter => Server.Services.GetRequiredService<CloudAdapter>();

    public static Task<BotHost> StartAsync(FakeBotFrameworkService fake, BotCallbackHandler bot, Action<IServiceCollection>? services = null,
        IDictionary<string, string?>? settings = null, bool withAppId = true, string? environment = null)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["BotFramework:OpenIdMetadataUrl"] = fake.MetadataUrl,
            ["BotFramework:RequireHttpsMetadata"] = "false",
            ["BotFramework:LoginAuthorityHost"] = fake.LoginAuthorityHost,
            ["BotFramework:RetryBaseDelay"] = "00:00:00.010",
            ["BotFramework:MaxRetries"] = "3",
            ["BotFramework:TypingDelay"] = "00:01:00",
            // The fake connector is plain http on loopback: allowed by naming its origin with the scheme.
            ["BotFramework:AllowedServiceUrlHosts:0"] = new Uri(fake.ServiceUrl).GetLeftPart(UriPartial.Authority),
        };
        if (withAppId)
        {
            configuration["MicrosoftAppId"] = AppId;
            configuration["MicrosoftAppPassword"] = "app-secret";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        return StartAsync(configuration, fake, bot, services, environment);
    }

    private static async Task<BotHost> StartAsync(Dictionary<string, string?> configuration, FakeBotFrameworkService fake, BotCallbackHandler bot, Action<IServiceCollection>? services, string? environment)
    {
        var server = await LoopbackServer.StartAsync(
            app => app.MapBotFramework(),
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(configuration);
                builder.Services.AddRouting();
                builder.Services.AddBotFramework(builder.Configuration);
                // MSAL only talks https; trust exactly the fake token service's self-signed certificate.
                builder.Services.AddHttpClient(MsalHttpClientFactory.HttpClientName)
                    .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
                    {
                        ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == fake.Certificate.Thumbprint,
                    });
                builder.Services.AddSingleton<IBot>(new DelegateBot(bot));
                services?.Invoke(builder.Services);
            },
            environment: environment);
        return new BotHost(server);
    }

    public Task<HttpResponseMessage> PostAsync(Activity activity, string? bearerToken) =>
        PostRawAsync(JsonSerializer.Serialize(activity, ProtocolJson.Options), bearerToken is null ? null : new AuthenticationHeaderValue("Bearer", bearerToken));

    public Task<HttpResponseMessage> PostRawAsync(string json, AuthenticationHeaderValue? authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = authorization;
        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}

internal sealed class DelegateBot(BotCallbackHandler handler) : IBot
{
    public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken) => handler(turnContext, cancellationToken);
}

/// <summary>Activities shaped as Teams sends them.</summary>
internal static class TeamsActivities
{
    public static Activity Message(string serviceUrl, string text = "hei", string? deliveryMode = null) => new()
    {
        Type = ActivityTypes.Message,
        Id = "1718000000001",
        ChannelId = Channels.Msteams,
        ServiceUrl = serviceUrl,
        From = new ChannelAccount("29:user-1", "Kari Nordmann") { AadObjectId = "aad-user-1" },
        Recipient = new ChannelAccount("28:" + BotHost.AppId, "LhlBot"),
        Conversation = new ConversationAccount { Id = "a:conv-1;messageid=42", ConversationType = "personal", TenantId = "tenant-1" },
        Locale = "nb-NO",
        Text = text,
        DeliveryMode = deliveryMode,
    };

    public static Activity Invoke(string serviceUrl, string name = "adaptiveCard/action")
    {
        var activity = Message(serviceUrl);
        activity.Type = ActivityTypes.Invoke;
        activity.Text = null;
        activity.Name = name;
        activity.Value = System.Text.Json.Nodes.JsonNode.Parse("""{"action":{"type":"Action.Execute","verb":"refresh","data":{}},"trigger":"manual"}""");
        return activity;
    }
}
