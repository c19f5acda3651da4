using System.Linq.Expressions;
using Monitor.Core.Metrics;
using Monitor.Core.Profiles;

namespace Monitor.Core.Catalog;

/// <summary>
/// Maps a column name from the grid or the API to an ordering (a total by any of its names: <c>totalViews</c>,
/// <c>views</c>); unknown names fall back to the handle.
/// </summary>
internal static class ProfileSorting
{
    public static IQueryable<TiktokProfile> Apply(IQueryable<TiktokProfile> profiles, string? sortBy, bool descending)
    {
        if (MetricDefinition.Find(sortBy) is { } metric)
        {
            return Order(profiles, MetricExpressions.Of<TiktokProfile>(p => p.Totals, metric), descending);
        }

        return (sortBy?.ToLowerInvariant()) switch
        {
            "nickname" => Order(profiles, p => p.Nickname, descending),
            "lastmonitoringrun" => Order(profiles, p => p.LastMonitoringRun, descending),
            "nextmonitoringrun" => Order(profiles, p => p.NextMonitoringRun, descending),
            "monitoringenabled" => Order(profiles, p => p.MonitoringEnabled, descending),
            "totalposts" => Order(profiles, p => p.TotalPosts, descending),
            "createdat" => Order(profiles, p => p.CreatedAt, descending),
            _ => Order(profiles, p => p.Handle, descending),
        };
    }

    private static IOrderedQueryable<TiktokProfile> Order<TKey>(IQueryable<TiktokProfile> profiles, Expression<Func<TiktokProfile, TKey>> key, bool descending) =>
        (descending ? profiles.OrderByDescending(key) : profiles.OrderBy(key)).ThenBy(p => p.Id);
}
