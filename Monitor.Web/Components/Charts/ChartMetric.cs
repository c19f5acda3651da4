using Monitor.Core.Catalog;
using Monitor.Core.Metrics;
using Monitor.Core.Profiles;

namespace Monitor.Web.Components.Charts;

/// <summary>A line the profile's trends chart can show: one per metric, and the post count.</summary>
public sealed record ChartMetric(string Name, Func<ProfileTotalsSnapshot, long> Value)
{
    public static IReadOnlyList<ChartMetric> ForProfile { get; } =
    [
        .. PostMetrics.All.Select(m => new ChartMetric(m.Name, h => m.Get(h.Totals) ?? 0)),
        new("Posts", h => h.TotalPosts),
    ];

    public override string ToString() => Name;
}
