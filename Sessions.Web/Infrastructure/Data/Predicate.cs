using System.Linq.Expressions;

namespace Sessions.Web.Infrastructure.Data;

/// <summary>
/// Composes query predicates and projections from rules stated once, as expression trees EF Core still translates to SQL (a compiled
/// delegate could not be). Captured values stay member accesses, so EF Core sends them as parameters and caches one plan.
/// </summary>
public static class Predicate
{
    public static Expression<Func<T, bool>> Or<T>(this Expression<Func<T, bool>> left, Expression<Func<T, bool>> right) =>
        Combine(left, right, Expression.OrElse);

    public static Expression<Func<T, bool>> And<T>(this Expression<Func<T, bool>> left, Expression<Func<T, bool>> right) =>
        Combine(left, right, Expression.AndAlso);

    /// <summary><paramref name="rule"/> over an entity and a value derived from it by <paramref name="value"/>, inlined.</summary>
    public static Expression<Func<T, TResult>> Over<T, TValue, TResult>(Expression<Func<T, TValue>> value,
        Expression<Func<T, TValue, TResult>> rule)
    {
        var entity = rule.Parameters[0];
        var derived = Rebind(value.Body, value.Parameters[0], entity);
        return Expression.Lambda<Func<T, TResult>>(Rebind(rule.Body, rule.Parameters[1], derived), entity);
    }

    private static Expression<Func<T, bool>> Combine<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right,
        Func<Expression, Expression, BinaryExpression> join)
    {
        var entity = left.Parameters[0];
        return Expression.Lambda<Func<T, bool>>(join(left.Body, Rebind(right.Body, right.Parameters[0], entity)), entity);
    }

    private static Expression Rebind(Expression body, ParameterExpression from, Expression to) => new Replace(from, to).Visit(body);

    private sealed class Replace(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
