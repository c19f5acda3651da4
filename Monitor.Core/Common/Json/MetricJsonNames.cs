namespace Monitor.Core.Common.Json;

public enum MetricJsonNames
{
    /// <summary>A post's or a snapshot's counters: <c>viewCount</c>, <c>likeCount</c>…</summary>
    Counts,

    /// <summary>A profile's sums: <c>totalViews</c>, <c>totalLikes</c>…</summary>
    Totals,
}
