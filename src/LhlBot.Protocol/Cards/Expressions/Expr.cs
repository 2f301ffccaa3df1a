namespace LhlBot.Protocol.Cards.Expressions;

/// <summary>The parsed form of an expression. Immutable, so one template can be expanded from many threads.</summary>
internal abstract record Expr;

/// <summary>A literal: null, bool, double or string.</summary>
internal sealed record LiteralExpr(object? Value) : Expr;

internal sealed record ArrayExpr(IReadOnlyList<Expr> Items) : Expr;

/// <summary>The first segment of a path: a data field, or $root, $data, $index.</summary>
internal sealed record IdentifierExpr(string Name) : Expr;

internal sealed record MemberExpr(Expr Target, string Name) : Expr;

internal sealed record IndexExpr(Expr Target, Expr Index) : Expr;

internal sealed record CallExpr(string Name, IReadOnlyList<Expr> Args) : Expr;

internal sealed record UnaryExpr(string Operator, Expr Operand) : Expr;

internal sealed record BinaryExpr(string Operator, Expr Left, Expr Right) : Expr;
