namespace LhlBot.Knowledge.Documents;

/// <summary>One guidance document as read from the source folder, front matter parsed.</summary>
internal sealed record SourceDocument(
    string FileName,
    string Title,
    string? Publisher,
    DateOnly? Date,
    string? DateText,
    string? Kind,
    string? Language,
    string Body);

/// <summary>A readable piece of a document: what a card shows, and what the index holds.</summary>
/// <param name="Kind">The document's kind from its front matter («veileder», «statusnotat»): how a reader names it.</param>
internal sealed record Passage(
    string Id,
    string Document,
    string Title,
    string Section,
    string Text,
    string? Publisher,
    DateOnly? Date,
    string? Kind = null)
{
    /// <summary>Questions people ask in their own words that this passage answers (from the document's questions file).</summary>
    public IReadOnlyList<string> Questions { get; init; } = [];
}
