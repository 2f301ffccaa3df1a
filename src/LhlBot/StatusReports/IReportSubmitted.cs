using System.Text.Json.Nodes;
using LhlBot.Conversations;
using LhlBot.Conversations.Dialogs;

namespace LhlBot.StatusReports;

/// <summary>What another job adds to the receipt of a submitted report: a note, and a button to go on.</summary>
internal sealed record ReceiptAddition(string Note, MenuItem? Action);

/// <summary>
/// A job that acts on a report when it is sent (the experience bank takes its measures), in the same unit of work
/// as the report, so both are committed together or not at all.
/// </summary>
internal interface IReportSubmitted
{
    Task<ReceiptAddition?> OnSubmittedAsync(DialogContext dc, StatusReport report, JsonObject answers, CancellationToken cancellationToken);
}
