using Monitor.Core.Metrics;
using MudBlazor;

namespace Monitor.Web.Components.Metrics;

/// <summary>The icon of each metric's card; a metric without one gets a generic chart icon.</summary>
public static class MetricIcons
{
    public static string For(MetricDefinition metric) => metric?.Name switch
    {
        nameof(PostMetrics.Views) => Icons.Material.Filled.Visibility,
        nameof(PostMetrics.Likes) => Icons.Material.Filled.Favorite,
        nameof(PostMetrics.Shares) => Icons.Material.Filled.Share,
        nameof(PostMetrics.Comments) => Icons.Material.Filled.Comment,
        nameof(PostMetrics.Saves) => Icons.Material.Filled.Bookmark,
        _ => Icons.Material.Filled.Insights,
    };
}
