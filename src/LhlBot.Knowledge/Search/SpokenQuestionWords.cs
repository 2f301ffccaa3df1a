using System.Text.RegularExpressions;

namespace LhlBot.Knowledge.Search;

/// <summary>
/// «ka e fristen?», «kem e kontaktperson?», «åssen lager vi …?», «koffer er …?»: chat is written the way people speak,
/// and the question words of the spoken forms are no words the documents write. As content words they outweighed the
/// question, and the kind of answer they ask for was lost. At the start of a question they are read as the written
/// question word (with «e» as «er»).
/// </summary>
internal static partial class SpokenQuestionWords
{
    internal static string Standardise(string question)
    {
        var m = Spoken().Match(question);
        if (!m.Success) return question;
        var written = m.Groups["word"].Value.ToLowerInvariant() switch
        {
            "ka" => "hva",
            "kem" => "hvem",
            "åssen" or "assen" or "kossen" or "korsen" => "hvordan",
            _ => "hvorfor",
        };
        var verb = m.Groups["e"].Success ? " er" : "";
        return question[..m.Index] + written + verb + question[(m.Index + m.Length)..];
    }

    [GeneratedRegex(@"^(?<word>ka|kem|åssen|assen|kossen|korsen|åffer|affer|koffer|kofor|kafor)\b(?<e>\s+e\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex Spoken();
}
