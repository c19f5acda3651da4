using Monitor.Core.Metrics;

namespace Monitor.Core.Posts;

public sealed class TikTokPostMetricsHistory
{
    public long Id { get; set; }
    public long PostId { get; set; }
    public TiktokPost? Post { get; set; }

    /// <summary>The counters as observed; null where the upstream omitted one.</summary>
    public PostMetrics Metrics { get; set; }

    /// <summary>When these values were observed upstream.</summary>
    public DateTime RecordedAt { get; set; }

    /// <summary>The run that observed these values (null for the bulk endpoint): a suspect run's rows are told apart by it.</summary>
    public long? MonitoringLogId { get; set; }
}
