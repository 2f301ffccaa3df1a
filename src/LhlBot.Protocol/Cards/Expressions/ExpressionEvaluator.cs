using System.Text.Json.Nodes;

namespace LhlBot.Protocol.Cards.Expressions;

/// <summary>The data an expression sees: $root, the current $data scope and, inside a repetition, $index.</summary>
internal sealed record EvaluationScope(object? Root, object? Data, int? Index)
{
    public EvaluationScope WithData(object? data, int? index) => this with { Data = data, Index = index ?? Index };
}

/// <summary>
/// Evaluates an <see cref="Expr"/> against a scope. With <paramref name="substituteUndefined"/> (used for property
/// values, as the reference templating does), a path that does not exist evaluates to the literal text
/// "${path}"; without it (used for $when) it evaluates to undefined.
/// </summary>
internal sealed class ExpressionEvaluator(EvaluationScope scope, bool substituteUndefined)
{
    public object? Evaluate(Expr expr) => expr switch
    {
        LiteralExpr literal => literal.Value,
        ArrayExpr array => BuildArray(array),
        IdentifierExpr or MemberExpr or IndexExpr => EvaluatePathWithSubstitution(expr),
        CallExpr call => EvaluateCall(call),
        UnaryExpr unary => EvaluateUnary(unary),
        BinaryExpr binary => EvaluateBinary(binary),
        _ => throw new InvalidOperationException($"unknown expression node {expr.GetType().Name}"),
    };

    private JsonArray BuildArray(ArrayExpr array)
    {
        var result = new JsonArray();
        foreach (var item in array.Items)
        {
            result.Add(ExpressionValue.ToNode(Evaluate(item)));
        }

        return result;
    }

    private object? EvaluatePathWithSubstitution(Expr path)
    {
        var value = EvaluatePath(path, out var text);
        if (value is Undefined && substituteUndefined)
        {
            return "${" + text + "}";
        }

        return value;
    }

    /// <summary>Resolves a path null-safely: any missing step makes the whole path undefined.</summary>
    private object? EvaluatePath(Expr path, out string text)
    {
        switch (path)
        {
            case IdentifierExpr identifier:
                text = identifier.Name;
                return identifier.Name switch
                {
                    "$root" => scope.Root,
                    "$data" => scope.Data,
                    "$index" => scope.Index is { } index ? (double)index : Undefined.Value,
                    // Other $-names ($host, ...) are not provided by us.
                    _ when identifier.Name.StartsWith('$') => Undefined.Value,
                    _ => Member(scope.Data, identifier.Name),
                };
            case MemberExpr member:
            {
                var target = EvaluateTarget(member.Target, out var targetText);
                text = targetText + "." + member.Name;
                return Member(target, member.Name);
            }

            case IndexExpr indexer:
            {
                var target = EvaluateTarget(indexer.Target, out var targetText);
                var index = Evaluate(indexer.Index);
                text = index switch
                {
                    double d => $"{targetText}[{ExpressionValue.FormatNumber(d)}]",
                    string s => $"{targetText}['{s}']",
                    _ => $"{targetText}[{ExpressionValue.ToText(index)}]",
                };
                return Element(target, index);
            }

            default:
                throw new InvalidOperationException("not a path");
        }
    }

    /// <summary>The object a member or index applies to; a nested path is resolved without substitution.</summary>
    private object? EvaluateTarget(Expr target, out string text)
    {
        if (target is IdentifierExpr or MemberExpr or IndexExpr)
        {
            return EvaluatePath(target, out text);
        }

        text = "(...)";
        return Evaluate(target);
    }

    private static object? Member(object? target, string name) =>
        target is JsonObject obj && obj.TryGetPropertyValue(name, out var node)
            ? ExpressionValue.FromNode(node)
            : Undefined.Value;

    private static object? Element(object? target, object? index)
    {
        switch (target, index)
        {
            case (JsonArray array, double d) when d == Math.Floor(d) && d >= 0 && d < array.Count:
                return ExpressionValue.FromNode(array[(int)d]);
            case (JsonObject obj, string key) when obj.TryGetPropertyValue(key, out var node):
                return ExpressionValue.FromNode(node);
            case (string s, double d) when d == Math.Floor(d) && d >= 0 && d < s.Length:
                return s[(int)d].ToString();
            default:
                return Undefined.Value;
        }
    }

    private object? EvaluateCall(CallExpr call)
    {
        switch (call.Name)
        {
            case "if":
                return ExpressionValue.IsTrue(Evaluate(call.Args[0])) ? Evaluate(call.Args[1]) : Evaluate(call.Args[2]);
            case "and":
                return call.Args.All(a => ExpressionValue.IsTrue(Evaluate(a)));
            case "or":
                return call.Args.Any(a => ExpressionValue.IsTrue(Evaluate(a)));
            default:
                var args = call.Args.Select(Evaluate).ToList();
                return ExpressionFunctions.Apply(call.Name, args);
        }
    }

    private object? EvaluateUnary(UnaryExpr unary)
    {
        var operand = Evaluate(unary.Operand);
        return unary.Operator switch
        {
            "!" => !ExpressionValue.IsTrue(operand),
            "-" => -RequireNumber(unary.Operator, operand),
            "+" => RequireNumber(unary.Operator, operand),
            _ => throw new InvalidOperationException($"unknown unary operator {unary.Operator}"),
        };
    }

    private object? EvaluateBinary(BinaryExpr binary)
    {
        switch (binary.Operator)
        {
            case "&&":
                return ExpressionValue.IsTrue(Evaluate(binary.Left)) && ExpressionValue.IsTrue(Evaluate(binary.Right));
            case "||":
                return ExpressionValue.IsTrue(Evaluate(binary.Left)) || ExpressionValue.IsTrue(Evaluate(binary.Right));
        }

        var left = Evaluate(binary.Left);
        var right = Evaluate(binary.Right);
        switch (binary.Operator)
        {
            case "==":
                return ExpressionValue.AreEqual(left, right);
            case "!=":
                return !ExpressionValue.AreEqual(left, right);
            case "<" or "<=" or ">" or ">=":
                var comparison = Compare(binary.Operator, left, right);
                return binary.Operator switch
                {
                    "<" => comparison < 0,
                    "<=" => comparison <= 0,
                    ">" => comparison > 0,
                    _ => comparison >= 0,
                };
            case "&":
                return ExpressionValue.ToText(left) + ExpressionValue.ToText(right);
            case "+":
                if (left is double a && right is double b)
                {
                    return a + b;
                }

                if (left is string || right is string)
                {
                    return ExpressionValue.ToText(left) + ExpressionValue.ToText(right);
                }

                throw new ExpressionEvaluationException(
                    $"'+' needs numbers or a string, not {ExpressionValue.TypeName(left)} and {ExpressionValue.TypeName(right)}");
        }

        var x = RequireNumber(binary.Operator, left);
        var y = RequireNumber(binary.Operator, right);
        return binary.Operator switch
        {
            "-" => x - y,
            "*" => x * y,
            "/" => Divide(x, y),
            "%" => y == 0 ? throw new ExpressionEvaluationException("modulo by zero") : x % y,
            "^" => Math.Pow(x, y),
            _ => throw new InvalidOperationException($"unknown binary operator {binary.Operator}"),
        };
    }

    /// <summary>As in adaptive-expressions, dividing two whole numbers gives a whole number.</summary>
    private static double Divide(double x, double y)
    {
        if (y == 0)
        {
            throw new ExpressionEvaluationException("division by zero");
        }

        var result = x / y;
        return x == Math.Floor(x) && y == Math.Floor(y) ? Math.Truncate(result) : result;
    }

    private static int Compare(string op, object? left, object? right) => (left, right) switch
    {
        (double a, double b) => a.CompareTo(b),
        (string a, string b) => string.CompareOrdinal(a, b),
        _ => throw new ExpressionEvaluationException(
            $"'{op}' compares numbers or strings, not {ExpressionValue.TypeName(left)} and {ExpressionValue.TypeName(right)}"),
    };

    private static double RequireNumber(string op, object? value) => value is double d
        ? d
        : throw new ExpressionEvaluationException(
            $"'{op}' needs a number but got {ExpressionValue.TypeName(value)} {ExpressionValue.ToText(value)}".TrimEnd());
}
