using LhlBot.Conversations;
using LhlBot.Conversations.Dialogs;
using LhlBot.Conversations.Prompts;
using LhlBot.Knowledge;
using LhlBot.Municipalities;
using LhlBot.Protocol;
using LhlBot.Protocol.Cards;
using LhlBot.Questions;
using LhlBot.Storage;
using LhlBot.Welcome;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using IMiddleware = LhlBot.Protocol.IMiddleware;

namespace LhlBot.Hosting;

/// <summary>The bot's composition: storage, protocol, conversation machinery and the jobs.</summary>
internal static class LhlBotServices
{
    public static IServiceCollection AddLhlBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddBotTelemetry(configuration);

        // Storage
        services.AddStorage(configuration);
        services.Configure<RegistryOptions>(configuration.GetSection("Registry"));
        services.AddScoped<RegistrySeeder>();
        services.AddSingleton<Startup>();
        services.AddSingleton<Readiness>();
        services.AddSingleton<JobLeases>();
        services.AddHostedService<StartupService>();

        // Protocol: the Bot Framework endpoint, with a typing indicator around every turn. De-duplication of
        // re-delivered activities is part of the turn's own save (ConversationRunner).
        services.AddBotFramework(configuration);
        services.Configure<DeduplicationOptions>(configuration.GetSection("Conversations"));
        services.AddSingleton<ProcessedActivityPruner>();
        services.AddHostedService(provider => provider.GetRequiredService<ProcessedActivityPruner>());
        services.AddSingleton<IMiddleware, ShowTypingMiddleware>();
        services.AddSingleton<IBot, ConversationRunner>();

        // Conversation machinery
        services.Configure<CardOptions>(configuration.GetSection("Cards"));
        services.AddSingleton(provider => new CardTemplateLibrary(
            Path.GetFullPath(provider.GetRequiredService<IOptions<CardOptions>>().Value.Folder, AppContext.BaseDirectory)));
        services.AddSingleton<PromptRenderer>();
        services.AddScoped<DialogSet>();
        services.AddScoped<TurnRouter>();
        services.AddOptions<Conversations.Requests.RequestSettings>().BindConfiguration(Conversations.Requests.RequestSettings.Section);
        services.AddSingleton<Conversations.Requests.RequestRecognizer>();
        services.AddSingleton<ICliCommand, Conversations.Requests.RoutingEvalCommand>();
        services.AddScoped<TurnOutbox>();
        services.AddScoped<People.CurrentUser>();
        services.Configure<People.PeopleOptions>(configuration.GetSection("People"));
        services.AddMemoryCache();
        services.AddSingleton<WelcomeCard>();
        services.AddHttpClient();
        services.AddSingleton<ICliCommand, Chat.ChatCommand>();
        Web.WebServices.AddWeb(services, configuration); // the chat page and the status dashboard

        StatusReports.StatusReportsServices.AddStatusReports(services, configuration); // status reporting and people; before Questions in the menu
        services.AddBookings(configuration);
        Experiences.ExperiencesServices.AddExperiences(services, configuration);
        // Questions
        services.Configure<KnowledgeOptions>(configuration.GetSection("Knowledge"));
        services.PostConfigure<KnowledgeOptions>(options => options.SourceFolder = Path.GetFullPath(options.SourceFolder, AppContext.BaseDirectory));
        services.AddSingleton<IPostConfigureOptions<KnowledgeOptions>, KnowledgeIndexFolder>();
        services.AddSingleton<KnowledgeBase>();
        services.AddScoped<QuestionsFeature>();
        services.AddScoped<AnswerFeedback>();
        services.AddScoped<IQuestionAnswerer>(provider => provider.GetRequiredService<QuestionsFeature>());
        services.AddSingleton<ICliCommand, KnowledgeCliCommand>();
        services.AddSingleton<ICliCommand, KnowledgeEvalCliCommand>();
        services.AddSingleton<ICliCommand, ReindexCliCommand>();
        services.Configure<KnowledgeSyncOptions>(configuration.GetSection("KnowledgeSync"));
        services.AddSingleton<KnowledgeSync>();
        services.AddHostedService<KnowledgeSyncService>();
        services.Configure<QuestionLogRetentionOptions>(configuration.GetSection("Retention"));
        services.AddSingleton<QuestionLogRetention>();
        services.AddHostedService<QuestionLogRetentionService>();

        // Jobs register their features in menu order; Questions comes last, as it takes any text.
        services.AddScoped<IBotFeature>(provider => provider.GetRequiredService<QuestionsFeature>());
        return services;
    }

    /// <summary>Puts the Lucene index inside the data folder unless configured elsewhere.</summary>
    private sealed class KnowledgeIndexFolder(DataFolder dataFolder) : IPostConfigureOptions<KnowledgeOptions>
    {
        public void PostConfigure(string? name, KnowledgeOptions options) => options.IndexFolder = dataFolder.Resolve(options.IndexFolder);
    }
}

/// <summary>Where the card templates are ("Cards" section); relative to the application folder.</summary>
internal sealed class CardOptions
{
    public string Folder { get; set; } = "cards";
}
