using System.Linq.Expressions;

namespace Monitor.Core.Metrics;

/// <summary>Selects one metric of an entity's <see cref="PostMetrics"/>: a sort key for a query, a grid column.</summary>
public static class MetricExpressions
{
    public static Expression<Func<TEntity, long?>> Of<TEntity>(Expression<Func<TEntity, PostMetrics>> metrics, MetricDefinition metric)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(metric);
        return Expression.Lambda<Func<TEntity, long?>>(Expression.Property(metrics.Body, metric.Name), metrics.Parameters);
    }
}
