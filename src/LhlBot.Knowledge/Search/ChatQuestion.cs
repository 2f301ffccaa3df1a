namespace LhlBot.Knowledge.Search;

/// <summary>
/// A chat message read down to its question: greetings, lead-ins, thanks and sign-offs taken off, and spoken question
/// words read as written («Hei, ka e fase 3? Takk!» → «hva er fase 3?»). The search reads questions so, and the bot uses
/// it to tell a question from an answer in the middle of a dialog.
/// </summary>
public static class ChatQuestion
{
    /// <summary>The question in <paramref name="message"/>; empty when the message is nothing but courtesy.</summary>
    public static string Bare(string message) => SpokenQuestionWords.Standardise(Courtesies.Strip(message));
}
