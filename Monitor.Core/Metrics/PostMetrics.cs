namespace Monitor.Core.Metrics;

/// <summary>
/// The five engagement counters TikTok reports for a post — the one definition of them. Posts, history rows, profile
/// totals, run events and every DTO carry this type; the EF columns, the bulk SQL, the JSON names (<c>viewCount</c>,
/// <c>totalViews</c>), sorting and the charts are all derived from <see cref="All"/>, so a metric is added or renamed here.
/// A null counter is one the upstream did not report.
/// </summary>
public readonly record struct PostMetrics(long? Views, long? Likes, long? Shares, long? Comments, long? Saves)
{
    public static IReadOnlyList<MetricDefinition> All { get; } =
    [
        new(nameof(Views), "View", m => m.Views, (m, v) => m with { Views = v }),
        new(nameof(Likes), "Like", m => m.Likes, (m, v) => m with { Likes = v }),
        new(nameof(Shares), "Share", m => m.Shares, (m, v) => m with { Shares = v }),
        new(nameof(Comments), "Comment", m => m.Comments, (m, v) => m with { Comments = v }),
        new(nameof(Saves), "Save", m => m.Saves, (m, v) => m with { Saves = v }),
    ];

    /// <summary>Builds a value metric by metric, in the order of <see cref="All"/>.</summary>
    public static PostMetrics From(Func<MetricDefinition, long?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var metrics = default(PostMetrics);
        foreach (var metric in All)
        {
            metrics = metric.With(metrics, value(metric));
        }

        return metrics;
    }

    public long? this[MetricDefinition metric] => (metric ?? throw new ArgumentNullException(nameof(metric))).Get(this);
}
