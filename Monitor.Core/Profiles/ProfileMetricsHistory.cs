using Monitor.Core.Metrics;

namespace Monitor.Core.Profiles;

/// <summary>The profile's totals after one completed run, for profile-level charts.</summary>
public sealed class ProfileMetricsHistory
{
    public long Id { get; set; }
    public Guid ProfileId { get; set; }
    public TiktokProfile? Profile { get; set; }
    public long? MonitoringLogId { get; set; }

    public long TotalPosts { get; set; }
    /// <summary>Sums over the profile's posts; every counter is set (0 when no post reports it).</summary>
    public PostMetrics Totals { get; set; } = PostMetrics.From(_ => 0);

    public DateTime RecordedAt { get; set; }
}
