using LhlBot.Protocol;
using LhlBot.Web;
using Microsoft.Extensions.Options;

namespace LhlBot.StatusReports.Dashboard;

/// <summary>
/// Where «Åpne oversikten» on the summary card leads: in Teams, a deep link to the app's static tab «status» with the
/// round and office as its sub-page; elsewhere (the chat page, the terminal) the dashboard's address on this host.
/// </summary>
internal sealed class DashboardLink(IOptions<WebOptions> web, IOptions<BotFrameworkOptions> bot)
{
    /// <summary>The static tab's entityId in teams/manifest.json.</summary>
    public const string TabEntityId = "status";

    public string For(string? channelId, string roundId, string? office)
    {
        var query = "round=" + Uri.EscapeDataString(roundId) + (office is null ? "" : "&office=" + Uri.EscapeDataString(office));
        if (channelId == Channels.Msteams && bot.Value.IsAuthenticationEnabled)
        {
            var context = $$"""{"subEntityId":"{{query}}"}""";
            return $"https://teams.microsoft.com/l/entity/{bot.Value.MicrosoftAppId}/{TabEntityId}?context={Uri.EscapeDataString(context)}";
        }
        return web.Value.PublicUrl.TrimEnd('/') + "/status?" + query;
    }
}
