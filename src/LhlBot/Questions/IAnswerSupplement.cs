using LhlBot.Conversations.Dialogs;

namespace LhlBot.Questions;

/// <summary>
/// Another source searched with the same question as the documents (the experience bank's measures), shown beside
/// the document answer. Returns true when it sent something.
/// </summary>
internal interface IAnswerSupplement
{
    /// <param name="documentsAnswered">False when the documents had no good answer (the source may then stand in for it).</param>
    Task<bool> SupplementAsync(DialogContext dc, string question, bool documentsAnswered, CancellationToken cancellationToken);
}
