using Monitor.Core.Profiles;

namespace Monitor.Core.Audience;

/// <summary>A profile's account counters as observed once (a run, or the add): the audience's time series.</summary>
public sealed class ProfileAccountSnapshot
{
    public long Id { get; set; }
    public Guid ProfileId { get; set; }
    public TiktokProfile? Profile { get; set; }

    public DateTime RecordedAt { get; set; }
    public long? FollowerCount { get; set; }
    public long? FollowingCount { get; set; }

    /// <summary>Total likes the account's posts received.</summary>
    public long? LikesCount { get; set; }
    public long? VideoCount { get; set; }

    public AccountSnapshotSource Source { get; set; }

    /// <summary>The run that observed it; null for the add.</summary>
    public long? MonitoringLogId { get; set; }
}
