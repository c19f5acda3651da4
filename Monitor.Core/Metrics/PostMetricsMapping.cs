using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Monitor.Core.Metrics;

/// <summary>Maps a <see cref="PostMetrics"/> property to one column per metric, named from <see cref="MetricDefinition"/>.</summary>
internal static class PostMetricsMapping
{
    /// <summary>A post's or a snapshot's counters: nullable columns <c>views</c>, <c>likes</c>…</summary>
    public static void MapCounts<TEntity>(EntityTypeBuilder<TEntity> builder, Expression<Func<TEntity, PostMetrics>> property)
        where TEntity : class =>
        builder.ComplexProperty(property, metrics =>
        {
            foreach (var metric in PostMetrics.All)
            {
                metrics.Property(metric.Name).HasColumnName(metric.Column);
            }
        });

    /// <summary>A profile's sums: required columns <c>total_views</c>, <c>total_likes</c>…</summary>
    public static void MapTotals<TEntity>(EntityTypeBuilder<TEntity> builder, Expression<Func<TEntity, PostMetrics>> property)
        where TEntity : class =>
        builder.ComplexProperty(property, metrics =>
        {
            foreach (var metric in PostMetrics.All)
            {
                metrics.Property(metric.Name).HasColumnName(metric.TotalColumn).IsRequired();
            }
        });
}
