using System.Linq.Expressions;
using Monitor.Core.Metrics;

namespace Monitor.Core.Posts;

/// <summary>
/// Maps a column name from the grid or the API to an ordering (a metric by any of its names: <c>views</c>,
/// <c>viewCount</c>); by default the newest post first.
/// </summary>
internal static class PostSorting
{
    public static IQueryable<TiktokPost> Apply(IQueryable<TiktokPost> posts, string? sortBy, bool descending)
    {
        if (MetricDefinition.Find(sortBy) is { } metric)
        {
            return Order(posts, MetricExpressions.Of<TiktokPost>(p => p.Metrics, metric), descending);
        }

        return (sortBy?.ToLowerInvariant()) switch
        {
            "description" => Order(posts, p => p.Description, descending),
            "lastseenat" => Order(posts, p => p.LastSeenAt, descending),
            _ => Order(posts, p => p.PostedAt, descending),
        };
    }

    private static IOrderedQueryable<TiktokPost> Order<TKey>(IQueryable<TiktokPost> posts, Expression<Func<TiktokPost, TKey>> key, bool descending) =>
        (descending ? posts.OrderByDescending(key) : posts.OrderBy(key)).ThenByDescending(p => p.Id);
}
