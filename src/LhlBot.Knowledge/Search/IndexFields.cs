using System.Globalization;
using LhlBot.Knowledge.Documents;
using Lucene.Net.Documents;

namespace LhlBot.Knowledge.Search;

/// <summary>How a passage is stored in and read back from a Lucene document.</summary>
internal static class IndexFields
{
    /// <summary>Part of the content hash: bump when the stored fields change.</summary>
    internal const string Version = "fields-2";

    /// <summary>Title and heading path: a word here says what the whole passage is about, so it gets its own boosted field.</summary>
    internal static string HeadText(Passage p) => p.Title + " \n " + p.Section.Replace(PassageSplitter.PathSeparator, " \n ");

    internal static Document ToDocument(Passage p)
    {
        var d = new Document
        {
            new StringField("id", p.Id, Field.Store.YES),
            new StoredField("doc", p.Document),
            new StoredField("title", p.Title),
            new StoredField("section", p.Section),
            new StoredField("text", p.Text),
            new TextField(IndexGeneration.FieldBody, p.Text, Field.Store.NO),
            new TextField(IndexGeneration.FieldHead, HeadText(p), Field.Store.NO),
        };
        foreach (var q in p.Questions) d.Add(new StoredField("question", q));
        if (p.Questions.Count > 0) d.Add(new TextField(IndexGeneration.FieldQuestions, string.Join(" \n ", p.Questions), Field.Store.NO));
        if (p.Publisher is not null) d.Add(new StoredField("publisher", p.Publisher));
        if (p.Kind is not null) d.Add(new StoredField("kind", p.Kind));
        if (p.Date is { } date) d.Add(new StoredField("date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        return d;
    }

    internal static Passage ToPassage(Document d) => new(
        d.Get("id"), d.Get("doc"), d.Get("title"), d.Get("section"), d.Get("text"), d.Get("publisher"),
        DateOnly.TryParseExact(d.Get("date") ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null, d.Get("kind"))
    {
        Questions = d.GetValues("question") ?? [],
    };
}
