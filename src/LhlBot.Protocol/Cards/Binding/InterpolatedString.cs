using LhlBot.Protocol.Cards.Expressions;

namespace LhlBot.Protocol.Cards.Binding;

/// <summary>One piece of a template string: literal text, or an expression with its source text.</summary>
internal abstract record StringPart;

internal sealed record TextPart(string Text) : StringPart;

internal sealed record ExpressionPart(string Source, Expr Expression) : StringPart;

/// <summary>
/// A template string containing at least one ${...}. If the string is exactly one expression
/// (<see cref="IsSingleExpression"/>), its value keeps its JSON type; otherwise the pieces are joined as text.
/// </summary>
internal sealed record InterpolatedString(string Source, IReadOnlyList<StringPart> Parts)
{
    public bool IsSingleExpression => Parts is [ExpressionPart];

    /// <summary>Returns null for a string without "${" (a plain literal).</summary>
    public static InterpolatedString? TryParse(string source)
    {
        if (!source.Contains("${", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = new List<StringPart>();
        var i = 0;
        while (i < source.Length)
        {
            var start = source.IndexOf("${", i, StringComparison.Ordinal);
            if (start < 0)
            {
                parts.Add(new TextPart(source[i..]));
                break;
            }

            if (start > i)
            {
                parts.Add(new TextPart(source[i..start]));
            }

            var end = FindClosingBrace(source, start + 2);
            var expressionSource = source[(start + 2)..end];
            parts.Add(new ExpressionPart(expressionSource, ParseExpression(expressionSource)));
            i = end + 1;
        }

        return new InterpolatedString(source, parts);
    }

    private static Expr ParseExpression(string expressionSource)
    {
        try
        {
            return ExpressionParser.Parse(expressionSource);
        }
        catch (ExpressionSyntaxException ex)
        {
            throw new ExpressionSyntaxException($"${{{expressionSource}}}: {ex.Message}");
        }
    }

    /// <summary>The expression ends at the first '}' outside a quoted string (AEL allows no braces inside one).</summary>
    private static int FindClosingBrace(string source, int from)
    {
        char? quote = null;
        for (var i = from; i < source.Length; i++)
        {
            var c = source[i];
            if (quote is { } q)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == q)
                {
                    quote = null;
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '}')
            {
                return i;
            }
        }

        throw new ExpressionSyntaxException($"unterminated '${{' in \"{source}\"");
    }
}
