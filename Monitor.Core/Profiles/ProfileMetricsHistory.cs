namespace Monitor.Core.Profiles;

/// <summary>The profile's totals after one completed run, for profile-level charts.</summary>
public sealed class ProfileMetricsHistory
{
    public long Id { get; set; }
    public Guid ProfileId { get; set; }
    public TiktokProfile? Profile { get; set; }
    public long? MonitoringLogId { get; set; }

    public long TotalPosts { get; set; }
    public long TotalViews { get; set; }
    public long TotalLikes { get; set; }
    public long TotalShares { get; set; }
    public long TotalComments { get; set; }
    public long TotalSaves { get; set; }

    public DateTime RecordedAt { get; set; }
}
