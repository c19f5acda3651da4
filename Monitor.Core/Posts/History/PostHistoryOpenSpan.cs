using Monitor.Core.Metrics;

namespace Monitor.Core.Posts.History;

/// <summary>Each post's span still growing (one row a post); closed into <see cref="PostHistorySpan"/> when the counters change.</summary>
public sealed class PostHistoryOpenSpan
{
    public long PostId { get; set; }
    public DateTime FirstAt { get; set; }
    public PostMetrics Metrics { get; set; }
    public int[]? Repeats { get; set; }
}
