using System.Text;

namespace LhlBot.Conversations;

/// <summary>
/// Text that comes from users (display names, pasted names) put into the bot's markdown messages: it must show as
/// written, never as formatting, a link or a second line someone else seems to have written.
/// </summary>
internal static class Markdown
{
    private const string Special = "\\`*_[]<>~|#";

    /// <summary>Markdown characters escaped; line breaks kept.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (Special.Contains(c)) builder.Append('\\');
            builder.Append(c);
        }
        // Teams turns bare addresses into links; a zero-width space after the scheme keeps them plain text.
        return builder.ToString().Replace("://", ":/\u200B/", StringComparison.Ordinal).Replace("www.", "www\u200B.", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A person's name on one line: control characters and line breaks become spaces, at most 100 characters, escaped.</summary>
    public static string Name(string? name)
    {
        var flat = new string((name ?? "").Select(c => char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c).ToArray());
        flat = string.Join(' ', flat.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length > 100) flat = flat[..100] + "…";
        return Escape(flat);
    }
}
