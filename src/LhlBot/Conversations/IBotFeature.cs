using LhlBot.Conversations.Dialogs;

namespace LhlBot.Conversations;

/// <summary>An entry of the bot's menu: what the button says, and the action it sends back.</summary>
internal sealed record MenuItem(string Title, string Description, string Action);

/// <summary>
/// One of the bot's jobs (status reporting, booking, ...), as the router sees it: what it offers in the menu
/// for this user, and whether this turn's input starts it. Implementations are scoped to the turn.
/// </summary>
internal interface IBotFeature
{
    /// <summary>Menu entries for the user of this turn (<see cref="DialogContext.User"/>); none when the user may not use the job.</summary>
    Task<IReadOnlyList<MenuItem>> MenuItemsAsync(DialogContext dc, CancellationToken cancellationToken);

    /// <summary>Starts the job when the input asks for it (its menu action or its words); false when it is not for this job.</summary>
    Task<bool> TryStartAsync(DialogContext dc, CancellationToken cancellationToken);

    /// <summary>
    /// Whether a press of this card action may be handled while a dialog is active without disturbing it (👍 on an
    /// answer given mid-form). Other job actions pressed mid-dialog are deferred until the dialog is done.
    /// </summary>
    bool WorksMidDialog(string action) => false;
}

/// <summary>Answers a free-text question; the fallback for any text no job claims, and for questions asked mid-dialog.</summary>
internal interface IQuestionAnswerer
{
    Task AnswerAsync(DialogContext dc, string question, CancellationToken cancellationToken);
}

/// <summary>
/// A job that can be offered as the next step after another one ends without help — e.g. booking a guidance
/// meeting after a question the documents could not answer. Returns null when it has nothing to offer this user.
/// </summary>
internal interface IFollowUpOffer
{
    MenuItem? Offer(DialogContext dc);
}
