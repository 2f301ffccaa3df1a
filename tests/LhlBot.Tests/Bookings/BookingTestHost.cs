using System.Text.Json.Nodes;
using LhlBot.Bookings.Availability;
using LhlBot.Bookings.Notifications;
using LhlBot.Municipalities;
using LhlBot.People;
using LhlBot.Protocol;
using LhlBot.Storage;
using LhlBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LhlBot.Tests.Bookings;

/// <summary>A clock the test sets: slot tests must not depend on today's date.</summary>
internal sealed class FakeClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}

/// <summary>Records proactive messages instead of sending them through the connector; registered by the test host.</summary>
internal sealed class RecordingMessenger : IProactiveMessenger
{
    private readonly List<(int PersonId, Activity Activity)> sent = [];

    public IReadOnlyList<(int PersonId, Activity Activity)> Sent { get { lock (sent) return sent.ToList(); } }

    public Task<bool> SendAsync(Person person, Activity activity, CancellationToken cancellationToken)
    {
        lock (sent) sent.Add((person.Id, activity));
        return Task.FromResult(true);
    }

    public List<Activity> To(int personId) => Sent.Where(s => s.PersonId == personId).Select(s => s.Activity).ToList();
}

/// <summary>
/// The real bot host on a temporary SQLite file, with a fake clock and a recording messenger. Several hosts can
/// share one data folder, as two bot instances share one database.
/// </summary>
internal sealed class BookingTestHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> factory;
    private readonly bool ownsFolder;

    private BookingTestHost(string folder, FakeClock clock, IDictionary<string, string?> settings, bool ownsFolder, Action<IServiceCollection>? extra = null)
    {
        DataFolder = folder;
        Clock = clock;
        this.ownsFolder = ownsFolder;
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Storage:DataFolder", folder);
            foreach (var (key, value) in TestDatabase.SettingsFor(folder)) builder.UseSetting(key, value);
            builder.UseSetting("Bookings:ReminderIntervalMinutes", "0");
            builder.UseSetting("Demo:Enabled", "false"); // own people only, never the demo data
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                services.AddSingleton<IProactiveMessenger>(Messenger);
                extra?.Invoke(services);
            });
        });
        factory.Services.GetRequiredService<LhlBot.Hosting.Readiness>().WaitAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    public string DataFolder { get; }
    public FakeClock Clock { get; }
    public RecordingMessenger Messenger { get; } = new();
    public IServiceProvider Services => factory.Services;

    /// <summary>Monday 2 March 2026, 09:00 in Oslo (winter time).</summary>
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public static BookingTestHost Start(IDictionary<string, string?>? settings = null, string? folder = null, FakeClock? clock = null, Action<IServiceCollection>? services = null)
    {
        var path = folder ?? Path.Combine(Path.GetTempPath(), "lhlbot-tests", "bookings-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return new BookingTestHost(path, clock ?? new FakeClock(Monday), settings ?? new Dictionary<string, string?>(), folder is null, services);
    }

    public BookingConversation Conversation(TestUser user, string channelId = "text") => new(this, "conv-" + Guid.NewGuid().ToString("N"), channelId, user);

    public async Task<T> WithDbAsync<T>(Func<LhlDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<LhlDbContext>());
    }

    public Task<int> OfficeOfAsync(string municipality) =>
        WithDbAsync(db => db.Set<Municipality>().Where(m => m.Number == municipality).Select(m => m.OfficeId).FirstAsync());

    /// <summary>An approved advisor of the office with weekly windows, who has talked to the bot (their 1:1 chat is known).</summary>
    public Task<Person> AddAdvisorAsync(string name, int officeId, Organisation organisation, params (DayOfWeek Day, string From, string To)[] windows) =>
        AddAdvisorAsync(name, officeId, organisation, hasChat: true, windows);

    /// <param name="hasChat">False for an advisor who never talked to the bot (no stored conversation).</param>
    public Task<Person> AddAdvisorAsync(string name, int officeId, Organisation organisation, bool hasChat, params (DayOfWeek Day, string From, string To)[] windows) =>
        WithDbAsync(async db =>
        {
            var aad = Guid.NewGuid().ToString();
            var person = new Person
            {
                Name = name, Email = $"{Guid.NewGuid():N}@example.no", AadObjectId = aad,
                ConversationReferenceJson = hasChat ? ChatReference(aad) : null,
            };
            person.Roles.Add(new RoleAssignment { Role = Role.Advisor, OfficeId = officeId, Organisation = organisation, Approved = true });
            db.Add(person);
            await db.SaveChangesAsync();
            foreach (var (day, from, to) in windows)
            {
                db.Add(new AdvisorWindow { PersonId = person.Id, Weekday = day, From = TimeOnly.Parse(from), To = TimeOnly.Parse(to) });
            }
            await db.SaveChangesAsync();
            return person;
        });

    /// <summary>A stored 1:1 conversation, as the bot keeps it once a person has written to it.</summary>
    public static string ChatReference(string aad) =>
        new JsonObject
        {
            ["channelId"] = "msteams",
            ["serviceUrl"] = "http://localhost/test-connector/",
            ["conversation"] = new JsonObject { ["id"] = "a:" + aad, ["conversationType"] = "personal" },
            ["user"] = new JsonObject { ["id"] = "29:" + aad, ["aadObjectId"] = aad },
        }.ToJsonString();

    /// <summary>An approved contact person for a municipality, and the Teams identity they talk with.</summary>
    public Task<(Person Person, TestUser User)> AddContactAsync(string name, string municipality) =>
        WithDbAsync(async db =>
        {
            var aad = Guid.NewGuid().ToString();
            var person = new Person { Name = name, Email = $"{Guid.NewGuid():N}@kommune.no", AadObjectId = aad, ConversationReferenceJson = ChatReference(aad) };
            person.Roles.Add(new RoleAssignment { Role = Role.MunicipalityContact, MunicipalityNumber = municipality, Approved = true });
            db.Add(person);
            await db.SaveChangesAsync();
            return (person, new TestUser("29:" + aad, name, aad));
        });

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        if (ownsFolder)
        {
            TestDatabase.Drop(DataFolder);
            try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}

internal sealed class BookingConversation(BookingTestHost host, string conversationId, string channelId, TestUser user)
{
    public string Id => conversationId;

    public TestUser User => user;

    public Task<Reply> SayAsync(string text) => SendAsync(new Activity { Type = ActivityTypes.Message, Text = text });

    /// <summary>Presses the button with this action on the latest card that has it (<see cref="CardPress"/>).</summary>
    public Task<Reply> SubmitAsync(System.Text.Json.Nodes.JsonObject value) => SubmitAsIsAsync(CardPress.FromLatest(value, received));

    public Task<Reply> SubmitAsIsAsync(System.Text.Json.Nodes.JsonObject value) => SendAsync(new Activity { Type = ActivityTypes.Message, Value = value });

    private readonly List<System.Text.Json.Nodes.JsonObject> received = [];

    private async Task<Reply> SendAsync(Activity activity)
    {
        activity.Id = Guid.NewGuid().ToString("N");
        activity.ChannelId = channelId;
        activity.ServiceUrl = "http://localhost/test-connector/";
        activity.Conversation = new ConversationAccount { Id = conversationId, ConversationType = "personal" };
        activity.From = new ChannelAccount(user.Id, user.Name) { AadObjectId = user.AadObjectId };
        activity.Recipient = new ChannelAccount("28:lhlbot", "LhlBot");
        activity.Timestamp = DateTimeOffset.UtcNow;
        var context = new CollectingTurnContext(activity);
        await host.Services.GetRequiredService<IBot>().OnTurnAsync(context, CancellationToken.None);
        var reply = new Reply(context.Sent);
        received.AddRange(reply.Cards);
        return reply;
    }
}
