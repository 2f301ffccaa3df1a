using System.Globalization;
using System.Text;

namespace LhlBot.Protocol.Cards.Expressions;

internal enum TokenKind
{
    Number,
    String,
    Identifier,
    Operator,
    End,
}

internal readonly record struct Token(TokenKind Kind, string Text, int Position, double Number = 0);

/// <summary>A syntax error in an expression; the template wraps it into a <see cref="CardTemplateException"/>.</summary>
internal sealed class ExpressionSyntaxException(string message) : Exception(message);

/// <summary>Splits an adaptive-expressions source text into tokens.</summary>
internal static class ExpressionTokenizer
{
    // Longest operators first so "<=" wins over "<".
    private static readonly string[] Operators =
    [
        "==", "!=", "<>", "<=", ">=", "&&", "||",
        "(", ")", "[", "]", ",", ".", "!", "+", "-", "*", "/", "%", "^", "<", ">", "&",
    ];

    public static IReadOnlyList<Token> Tokenize(string source)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < source.Length && char.IsAsciiDigit(source[i])) i++;
                if (i + 1 < source.Length && source[i] == '.' && char.IsAsciiDigit(source[i + 1]))
                {
                    i++;
                    while (i < source.Length && char.IsAsciiDigit(source[i])) i++;
                }

                var text = source[start..i];
                tokens.Add(new Token(TokenKind.Number, text, start, double.Parse(text, CultureInfo.InvariantCulture)));
                continue;
            }

            if (c is '\'' or '"')
            {
                var start = i;
                tokens.Add(new Token(TokenKind.String, ReadString(source, ref i), start));
                continue;
            }

            if (IsIdentifierStart(c))
            {
                var start = i;
                i++;
                while (i < source.Length && IsIdentifierPart(source[i])) i++;
                tokens.Add(new Token(TokenKind.Identifier, source[start..i], start));
                continue;
            }

            var op = Operators.FirstOrDefault(o => string.CompareOrdinal(source, i, o, 0, o.Length) == 0);
            if (op is null)
            {
                throw new ExpressionSyntaxException($"unexpected character '{c}' at position {i}");
            }

            tokens.Add(new Token(TokenKind.Operator, op, i));
            i += op.Length;
        }

        tokens.Add(new Token(TokenKind.End, "", source.Length));
        return tokens;
    }

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c is '_' or '$' or '@' or '#';

    /// <summary>As in the AEL lexer, '-' may continue a name: "a-b" is one path, write "a - b" to subtract.</summary>
    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c is '_' or '-';

    /// <summary>Reads a quoted literal; backslash escapes as in adaptive-expressions (\n, \t, \r, \\, \', \").</summary>
    private static string ReadString(string source, ref int i)
    {
        var quote = source[i];
        var start = i;
        i++;
        var sb = new StringBuilder();
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '\\' && i + 1 < source.Length)
            {
                var next = source[i + 1];
                sb.Append(next switch
                {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    _ => next,
                });
                i += 2;
                continue;
            }

            if (c == quote)
            {
                i++;
                return sb.ToString();
            }

            sb.Append(c);
            i++;
        }

        throw new ExpressionSyntaxException($"unterminated string starting at position {start}");
    }
}
