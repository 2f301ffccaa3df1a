using System.Text.RegularExpressions;

namespace LhlBot.Knowledge.Search;

/// <summary>
/// «Hei! Hvor mange kommuner …? Takk for hjelpa. Mvh Kari»: a chat message greets, thanks and signs off around its
/// question. Those words say nothing about what is asked, yet as words the documents lack they weighed as much as the
/// rarest word of the question, «Kari» even as a name the answer had to hold, and a greeting hid the question word that
/// tells what kind of answer is wanted. So does a lead-in («Lurer på hvor mange …», «Kan du si meg hva …»). They are
/// taken off before the question is read.
/// </summary>
internal static partial class Courtesies
{
    internal static string Strip(string question)
    {
        var stripped = SignOff().Replace(question, "");
        stripped = Thanks().Replace(stripped, "");
        stripped = Greeting().Replace(stripped, "");
        stripped = LeadIn().Replace(stripped, "");
        // A message that is nothing but courtesy («Takk for hjelpa!», «Hei hei») asks nothing: no word of it is searched for.
        return stripped.Any(char.IsLetterOrDigit) ? stripped.Trim() : "";
    }

    // «Hei», «Hei hei», «Hallo», «Heisann», «God morgen», «Morn», in bokmål and nynorsk, with what punctuates them.
    [GeneratedRegex(@"^\W*((hei|hallo|hallaisen|hallais|halla|heisann|heia|morn|morna|god\s+(morgen|morgon|dag|ettermiddag|kveld)|hi|hello)\b[\s,.!:;–-]*)+", RegexOptions.IgnoreCase)]
    private static partial Regex Greeting();

    // «Lurer på hvor …», «Kan du si meg hva …», «Vet du når …», «Eg lurer på kva …»: the words that only announce the question.
    [GeneratedRegex(@"^\W*((jeg|eg|vi|me)\s+)?((lurer|lurte|lurar|lurde)\s+(på|paa|pa)|(kan|kunne)\s+(du|dere|de|noen|nokon)\s+(si|seie|fortelle|fortelja|forklare|forklara|hjelpe)(\s+(meg|oss))?(\s+med)?|(vet|veit)\s+(du|dere|de|noen|nokon))\s+(?=(hva|hvem|hvor|hvordan|hvorfor|hvilke|hvilken|hvilket|når|naar|om|kva|kven|kor|korleis|kvifor|kvar|ka|kem)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex LeadIn();

    // «Takk!», «Tusen takk for hjelpa», «På forhånd takk», «Takk for svar», at the end.
    [GeneratedRegex(@"[\s,.!;–-]*\b((på|paa)\s+forh(å|aa|a)nd\s+)?(tusen\s+)?takk(\s+(for|på\s+forhånd)(\s+\p{L}+){0,2})?[\s.,!:;)(]*$", RegexOptions.IgnoreCase)]
    private static partial Regex Thanks();

    // «Mvh Kari», «Hilsen Per i Bodø kommune», «Venleg helsing Ola», «Med vennlig hilsen …»: from the sign-off to the end.
    // A bare «hilsen» only where it opens a sentence of its own (not «… en hilsen fra …» inside the question).
    [GeneratedRegex(@"[\s,.!;–-]*(\bmvh\b|\bm\.v\.h\b\.?|\b(med\s+)?(vennlig|venleg|beste)\s+(hilsen|helsing)\b|(?<=(^|[.!?,;:)])\s*)\b(hilsen|helsing)\b).*$", RegexOptions.IgnoreCase)]
    private static partial Regex SignOff();
}
