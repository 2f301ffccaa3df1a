// TEMPORARY: placeholder until the knowledge branch is merged; deleted at that merge.
namespace LhlBot.Knowledge;

public static class KnowledgeCommands
{
    public static Task<int> RunAsync(KnowledgeBase kb, string[] args, TextReader input, TextWriter output) => throw new NotImplementedException();
}
