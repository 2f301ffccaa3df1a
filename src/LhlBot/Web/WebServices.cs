using LhlBot.StatusReports.Dashboard;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace LhlBot.Web;

/// <summary>The chat page, the status dashboard and the sign-in they share.</summary>
internal static class WebServices
{
    /// <summary>The page files and the npm libraries, copied beside the binary by the build (see LhlBot.csproj).</summary>
    public static string ContentFolder => Path.Combine(AppContext.BaseDirectory, "web");

    public static IServiceCollection AddWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WebOptions>(configuration.GetSection("Web"));
        services.AddHttpClient(EntraTokenValidator.HttpClientName);
        services.AddSingleton<EntraTokenValidator>();
        services.AddScoped<WebSignIn>();
        services.AddScoped<StatusDashboard>();
        services.AddSingleton<DashboardLink>();
        return services;
    }

    public static void MapWeb(this WebApplication app)
    {
        var files = new PhysicalFileProvider(ContentFolder);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });

        app.MapGet("/", (HttpContext http, IOptions<WebOptions> options, WebSignIn signIn) =>
            signIn.LocalMode || options.Value.ChatInProduction
                ? Page(files, "index.html")
                : Results.Text("LhlBot kjører. Bot Framework-endepunktet er POST /api/messages.", "text/plain; charset=utf-8"));
        app.MapGet("/status", () => Page(files, "status.html"));
        app.MapWebChat();
        app.MapStatusDashboard();
    }

    private static IResult Page(IFileProvider files, string name)
    {
        var file = files.GetFileInfo(name);
        return file.Exists
            ? Results.File(file.CreateReadStream(), "text/html; charset=utf-8")
            : Results.Text("Siden mangler i byggingen (web/" + name + ").", "text/plain; charset=utf-8", statusCode: StatusCodes.Status500InternalServerError);
    }
}
