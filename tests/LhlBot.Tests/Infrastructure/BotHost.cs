using System.Text.Json.Nodes;
using LhlBot.Protocol;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LhlBot.Tests.Infrastructure;

/// <summary>
/// The real bot host (Program) in-process, on its own SQLite file in a temporary data folder (or its own PostgreSQL
/// database, see <see cref="TestDatabase"/>).
/// <see cref="RestartAsync"/> starts a fresh host on the same folder, as a restart would.
/// </summary>
public sealed class BotHost : IAsyncDisposable
{
    private readonly Dictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? services;
    private WebApplicationFactory<Program> factory;

    private BotHost(string dataFolder, Dictionary<string, string?> settings, Action<IServiceCollection>? services)
    {
        DataFolder = dataFolder;
        this.settings = settings;
        this.services = services;
        factory = Create();
    }

    public string DataFolder { get; }

    public IServiceProvider Services => factory.Services;

    public HttpClient CreateClient() => factory.CreateClient();

    /// <param name="settings">Configuration overrides ("Section:Key" → value).</param>
    /// <param name="dataFolder">An existing data folder to share (a second bot instance on the same database).</param>
    /// <param name="services">Extra registrations (test dialogs, a fake clock).</param>
    public static async Task<BotHost> StartAsync(IDictionary<string, string?>? settings = null, string? dataFolder = null, Action<IServiceCollection>? services = null)
    {
        var folder = dataFolder ?? Path.Combine(Path.GetTempPath(), "lhlbot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var host = new BotHost(folder, new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()), services)
        {
            ownsFolder = dataFolder is null,
        };
        await host.WaitUntilReadyAsync(); // starts the host and waits for migrations, seeding and the index
        return host;
    }

    public async Task RestartAsync()
    {
        await factory.DisposeAsync();
        factory = Create();
        await WaitUntilReadyAsync();
    }

    private Task WaitUntilReadyAsync() =>
        factory.Services.GetRequiredService<LhlBot.Hosting.Readiness>().WaitAsync(CancellationToken.None);

    /// <summary>A conversation with the bot as one user, turns run through the bot in-process.</summary>
    public TestConversation Conversation(string? conversationId = null, string channelId = "test", TestUser? user = null) =>
        new(this, conversationId ?? "conv-" + Guid.NewGuid().ToString("N"), channelId, user ?? TestUser.Anonymous);

    private WebApplicationFactory<Program> Create() =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Storage:DataFolder", DataFolder);
            foreach (var (key, value) in TestDatabase.SettingsFor(DataFolder)) builder.UseSetting(key, value);
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            if (services is not null) builder.ConfigureServices(services);
        });

    private bool ownsFolder;

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        if (!ownsFolder) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TestDatabase.Drop(DataFolder);
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>Who the test user is, as Teams would say it.</summary>
public sealed record TestUser(string Id, string Name, string? AadObjectId)
{
    public static TestUser Anonymous { get; } = new("29:anonymous", "Ukjent Bruker", null);
}

/// <summary>Sends activities into the bot (IBot, the same turn pipeline the adapter calls) and collects the replies.</summary>
public sealed class TestConversation(BotHost host, string conversationId, string channelId, TestUser user)
{
    public string Id => conversationId;

    public TestUser User => user;

    /// <summary>How the adapter would have trusted the activity; in-process (the terminal chat) unless a test says a channel signed it.</summary>
    public TurnAuthentication Authentication { get; init; } = TurnAuthentication.InProcess;

    /// <summary>Extra settings of each activity (tenant, conversation type) before it is sent.</summary>
    public Action<Activity>? Shape { get; init; }

    public Task<Reply> SayAsync(string text) => SendAsync(new Activity { Type = ActivityTypes.Message, Text = text });

    /// <summary>
    /// The user fills in and presses a button of the latest card that has this action, as Teams sends it: the
    /// button's own data (the dialog instance it belongs to) comes back with the values given here.
    /// </summary>
    public Task<Reply> SubmitAsync(JsonObject value) => SubmitAsIsAsync(CardPress.FromLatest(value, received));

    /// <summary>Sends exactly this card data (an old card's button pressed again, a hand-made submission).</summary>
    public Task<Reply> SubmitAsIsAsync(JsonObject value) => SendAsync(new Activity { Type = ActivityTypes.Message, Value = value });

    private readonly List<JsonObject> received = [];

    public async Task<Reply> SendAsync(Activity activity)
    {
        activity.Id ??= Guid.NewGuid().ToString("N");
        activity.ChannelId ??= channelId;
        activity.ServiceUrl ??= "http://localhost/test-connector/";
        activity.Conversation ??= new ConversationAccount { Id = conversationId, ConversationType = "personal" };
        activity.From ??= new ChannelAccount(user.Id, user.Name) { AadObjectId = user.AadObjectId };
        activity.Recipient ??= new ChannelAccount("28:lhlbot", "LhlBot");
        activity.Timestamp ??= DateTimeOffset.UtcNow;
        Shape?.Invoke(activity);
        // A channel-signed turn may look the user up in the roster: through the host's real connector client.
        var context = new CollectingTurnContext(activity, Authentication,
            Authentication == TurnAuthentication.Channel ? host.Services.GetRequiredService<IConnectorClient>() : null);
        await host.Services.GetRequiredService<IBot>().OnTurnAsync(context, CancellationToken.None);
        var reply = new Reply(context.Sent);
        received.AddRange(reply.Cards);
        return reply;
    }
}

/// <summary>How a test presses a button as Teams would: with the button's own data from the card it is on.</summary>
public static class CardPress
{
    /// <summary>
    /// The user fills in and presses a button of the latest card that has this action: the button's own data (the
    /// dialog instance it belongs to) comes back with the values given here.
    /// </summary>
    public static JsonObject FromLatest(JsonObject value, IReadOnlyList<JsonObject> received)
    {
        var action = (string?)value["action"];
        var sent = value.DeepClone().AsObject();
        if (action is null || sent.ContainsKey("dialog")) return sent;
        var button = received.AsEnumerable().Reverse().SelectMany(Reply.ActionData)
            .FirstOrDefault(d => (string?)d["action"] == action && (value["form"] is null || (string?)d["form"] == (string?)value["form"]));
        foreach (var key in new[] { "dialog", "dialogId" })
        {
            if (button?[key] is { } v) sent[key] = v.DeepClone();
        }
        return sent;
    }
}

/// <summary>What the bot answered in one turn.</summary>
public sealed class Reply(IReadOnlyList<Activity> activities)
{
    public IReadOnlyList<Activity> Activities { get; } = activities;

    /// <summary>All text of the turn's messages, joined.</summary>
    public string Text => string.Join("\n", Activities.Where(a => a.Text is not null).Select(a => a.Text));

    public IEnumerable<JsonObject> Cards => Activities
        .SelectMany(a => a.Attachments ?? [])
        .Where(a => a.ContentType == ContentTypes.AdaptiveCard)
        .Select(a => a.Content!.AsObject());

    /// <summary>The cards as JSON text (Norwegian letters unescaped), for "the card shows X" assertions.</summary>
    public IReadOnlyList<string> CardJson => Cards.Select(c => c.ToJsonString(ProtocolJson.Options)).ToList();

    /// <summary>The data of every button on a card (Action.Submit / Action.Execute), in order.</summary>
    public static IEnumerable<JsonObject> ActionData(JsonObject card) => Buttons(card).Select(b => b["data"]).OfType<JsonObject>();

    /// <summary>Every button of the card, in order.</summary>
    public static IEnumerable<JsonObject> Buttons(JsonNode? node) => node switch
    {
        JsonObject o when (string?)(o["type"] as JsonValue) is "Action.Submit" or "Action.Execute" => [o],
        JsonObject o => o.SelectMany(kv => Buttons(kv.Value)),
        JsonArray a => a.SelectMany(Buttons),
        _ => [],
    };

    /// <summary>The data of this reply's button with this title (as pressed, to send again later).</summary>
    public JsonObject Button(string title) =>
        Cards.SelectMany(Buttons).Where(b => (string?)b["title"] == title).Select(b => b["data"]!.DeepClone().AsObject()).FirstOrDefault()
        ?? throw new InvalidOperationException($"No button «{title}» in: {Everything}");

    /// <summary>Text and card JSON together, for "does the user see X" assertions.</summary>
    public string Everything => Text + "\n" + string.Join("\n", Cards.Select(c => c.ToJsonString(ProtocolJson.Options)));
}

internal sealed class CollectingTurnContext(Activity activity, TurnAuthentication authentication = TurnAuthentication.InProcess, IConnectorClient? connector = null) : ITurnContext
{
    private readonly List<Activity> sent = [];

    public Activity Activity { get; } = activity;
    public bool Responded => sent.Count > 0;
    // Run in-process, as the terminal chat is: the adapter would mark it so.
    public IDictionary<string, object> TurnState { get; } = new Dictionary<string, object> { [TurnAuthenticationExtensions.Key] = authentication };
    public IConnectorClient Connector => connector ?? throw new InvalidOperationException("The in-process test conversation has no connector.");
    public IReadOnlyList<Activity> Sent => sent;

    public Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        if (activity.Type != ActivityTypes.Typing) sent.Add(activity);
        return Task.FromResult(new ResourceResponse(Guid.NewGuid().ToString("N")));
    }

    public async Task<ResourceResponse[]> SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default)
    {
        var responses = new List<ResourceResponse>();
        foreach (var a in activities) responses.Add(await SendActivityAsync(a, cancellationToken));
        return [.. responses];
    }

    public Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ResourceResponse(activity.Id));

    public Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
