using Monitor.Core.Metrics;

namespace Monitor.Core.Posts.History;

/// <summary>
/// A closed span of the post history (docs/history-storage.md): the counters first observed at <see cref="FirstAt"/>,
/// and each later observation of the same counters as milliseconds after it. Written only by the history writers and the
/// compaction; read through the observations view (<see cref="TikTokPostMetricsHistory"/>).
/// </summary>
public sealed class PostHistorySpan
{
    public long PostId { get; set; }
    public DateTime FirstAt { get; set; }
    public PostMetrics Metrics { get; set; }

    /// <summary>Later observations of the same counters: milliseconds after <see cref="FirstAt"/>, ascending.</summary>
    public int[]? Repeats { get; set; }
}
