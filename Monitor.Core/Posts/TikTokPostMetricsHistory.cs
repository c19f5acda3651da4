using Monitor.Core.Metrics;

namespace Monitor.Core.Posts;

/// <summary>
/// One observation of a post, read from the view <c>tiktok_post_observations</c> that expands the history's spans
/// (docs/history-storage.md): every kept observation with its time. Read-only: observations are written by the page and
/// bulk writers and by <see cref="History.PostHistoryWriter"/>.
/// </summary>
public sealed class TikTokPostMetricsHistory
{
    public long PostId { get; set; }
    public TiktokPost? Post { get; set; }

    /// <summary>The counters as observed; null where the upstream omitted one.</summary>
    public PostMetrics Metrics { get; set; }

    /// <summary>When these values were observed upstream (kept to the millisecond).</summary>
    public DateTime RecordedAt { get; set; }

    /// <summary>
    /// When the observation's span began: the same half month (UTC) as <see cref="RecordedAt"/>, never later. A reader
    /// bounded by time also bounds this column (<see cref="History.HistoryPartitions.FirstAtFrom"/>), the partition key
    /// PostgreSQL prunes on.
    /// </summary>
    public DateTime FirstAt { get; set; }

    /// <summary>
    /// The profile's run whose time window holds the observation (null outside every run, e.g. the bulk endpoint): a
    /// suspect run's observations are told apart by it.
    /// </summary>
    public long? MonitoringLogId { get; set; }
}
