namespace LhlBot.Protocol.Cards.Expressions;

/// <summary>
/// Recursive-descent parser for the adaptive-expressions subset. Precedence follows the AEL grammar
/// (lowest first): ||, &amp;&amp;, comparisons (&lt; &lt;= &gt; &gt;=), &amp; (string concat),
/// equality (== != &lt;&gt;), + -, * / %, ^ (right-associative), prefix ! - +, then postfix . [] and calls.
/// Note that in AEL equality binds tighter than &lt;; we keep that so results match the designer. There is no
/// ?: operator (use if()), because the AEL version the designer runs does not have one.
/// Unknown functions and wrong argument counts are rejected here, at parse time, so they fail loudly.
/// </summary>
internal sealed class ExpressionParser
{
    private readonly IReadOnlyList<Token> _tokens;
    private int _pos;

    private ExpressionParser(IReadOnlyList<Token> tokens) => _tokens = tokens;

    public static Expr Parse(string source)
    {
        var parser = new ExpressionParser(ExpressionTokenizer.Tokenize(source));
        if (parser.Peek.Kind == TokenKind.End)
        {
            throw new ExpressionSyntaxException("empty expression");
        }

        var expr = parser.ParseExpression();
        if (parser.Peek.Kind != TokenKind.End)
        {
            throw new ExpressionSyntaxException($"unexpected '{parser.Peek.Text}' at position {parser.Peek.Position}");
        }

        return expr;
    }

    private Token Peek => _tokens[_pos];

    private Token Next() => _tokens[_pos++];

    private bool TryOperator(params string[] ops)
    {
        if (Peek.Kind == TokenKind.Operator && ops.Contains(Peek.Text))
        {
            return true;
        }

        return false;
    }

    private void Expect(string op)
    {
        if (!(Peek.Kind == TokenKind.Operator && Peek.Text == op))
        {
            var found = Peek.Kind == TokenKind.End ? "end of expression" : $"'{Peek.Text}'";
            throw new ExpressionSyntaxException($"expected '{op}' but found {found} at position {Peek.Position}");
        }

        _pos++;
    }

    private Expr ParseExpression() => ParseBinary(0);

    private static readonly string[][] Levels =
    [
        ["||"],
        ["&&"],
        ["<", "<=", ">", ">="],
        ["&"],
        ["==", "!=", "<>"],
        ["+", "-"],
        ["*", "/", "%"],
    ];

    private Expr ParseBinary(int level)
    {
        if (level == Levels.Length)
        {
            return ParsePower();
        }

        var left = ParseBinary(level + 1);
        while (TryOperator(Levels[level]))
        {
            var op = Next().Text;
            var right = ParseBinary(level + 1);
            left = new BinaryExpr(op == "<>" ? "!=" : op, left, right);
        }

        return left;
    }

    private Expr ParsePower()
    {
        var left = ParseUnary();
        if (TryOperator("^"))
        {
            Next();
            return new BinaryExpr("^", left, ParsePower());
        }

        return left;
    }

    private Expr ParseUnary()
    {
        if (TryOperator("!", "-", "+"))
        {
            var op = Next().Text;
            return new UnaryExpr(op, ParseUnary());
        }

        return ParsePostfix();
    }

    private Expr ParsePostfix()
    {
        var expr = ParsePrimary();
        while (true)
        {
            if (TryOperator("."))
            {
                Next();
                var name = Next();
                if (name.Kind != TokenKind.Identifier)
                {
                    throw new ExpressionSyntaxException($"expected a property name after '.' at position {name.Position}");
                }

                expr = new MemberExpr(expr, name.Text);
            }
            else if (TryOperator("["))
            {
                Next();
                var index = ParseExpression();
                Expect("]");
                expr = new IndexExpr(expr, index);
            }
            else if (TryOperator("("))
            {
                throw new ExpressionSyntaxException($"only named functions can be called (position {Peek.Position})");
            }
            else
            {
                return expr;
            }
        }
    }

    private Expr ParsePrimary()
    {
        var token = Next();
        switch (token.Kind)
        {
            case TokenKind.Number:
                return new LiteralExpr(token.Number);
            case TokenKind.String:
                return new LiteralExpr(token.Text);
            case TokenKind.Identifier:
                if (TryOperator("("))
                {
                    return ParseCall(token);
                }

                return token.Text switch
                {
                    "true" => new LiteralExpr(true),
                    "false" => new LiteralExpr(false),
                    "null" => new LiteralExpr(null),
                    _ => new IdentifierExpr(token.Text),
                };
            case TokenKind.Operator when token.Text == "(":
                var inner = ParseExpression();
                Expect(")");
                return inner;
            case TokenKind.Operator when token.Text == "[":
                var items = ParseArguments("]");
                return new ArrayExpr(items);
            case TokenKind.End:
                throw new ExpressionSyntaxException("unexpected end of expression");
            default:
                throw new ExpressionSyntaxException($"unexpected '{token.Text}' at position {token.Position}");
        }
    }

    private Expr ParseCall(Token name)
    {
        Next(); // "("
        var args = ParseArguments(")");
        if (!ExpressionFunctions.TryGetArity(name.Text, out var min, out var max))
        {
            throw new ExpressionSyntaxException($"unknown function '{name.Text}'");
        }

        if (args.Count < min || args.Count > max)
        {
            var expected = min == max ? $"{min}" : max == int.MaxValue ? $"at least {min}" : $"{min} to {max}";
            throw new ExpressionSyntaxException(
                $"function '{name.Text}' takes {expected} argument(s) but was given {args.Count}");
        }

        return new CallExpr(name.Text, args);
    }

    private List<Expr> ParseArguments(string close)
    {
        var args = new List<Expr>();
        if (TryOperator(close))
        {
            Next();
            return args;
        }

        while (true)
        {
            args.Add(ParseExpression());
            if (TryOperator(","))
            {
                Next();
                continue;
            }

            Expect(close);
            return args;
        }
    }
}
