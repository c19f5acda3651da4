using Monitor.Core.Metrics;
namespace Monitor.Core.Profiles;

public sealed class TiktokProfile
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Lower case, without the leading @.</summary>
    public required string Handle { get; set; }

    public string? TiktokUserId { get; set; }
    public string? SecUid { get; set; }
    public string? Nickname { get; set; }
    public string? AvatarUrl { get; set; }
    public string? Bio { get; set; }
    public bool Verified { get; set; }

    /// <summary>The account's counters as last observed (the add, then runs: see <c>Audience/AccountHistoryWriter</c>).</summary>
    public long? FollowerCount { get; set; }
    public long? FollowingCount { get; set; }

    /// <summary>Total likes the account's posts received, as TikTok counts them (not the sum over monitored posts).</summary>
    public long? LikesCount { get; set; }
    public long? VideoCount { get; set; }

    /// <summary>When the counters above were observed.</summary>
    public DateTime? CountersObservedAt { get; set; }

    /// <summary>When a run last called the profile endpoint for the counters (at most once a day).</summary>
    public DateTime? LastProfileCallAt { get; set; }

    public bool MonitoringEnabled { get; set; }
    /// <summary>Hours between scheduled runs; <see cref="ProfileService"/> sets it from <c>Monitoring:DefaultIntervalHours</c> or the caller.</summary>
    public int MonitoringIntervalHours { get; set; } = MonitoringInterval.StandardHours;
    public DateTime? LastMonitoringRun { get; set; }
    public DateTime? NextMonitoringRun { get; set; }

    /// <summary>Every post on every run, or young posts more often than old ones (the ladder of Monitoring:Scan).</summary>
    public ScanMode ScanMode { get; set; } = ScanMode.Full;

    /// <summary>Private, banned or missing as found by the last run; cleared by the next run that succeeds.</summary>
    public AccountState AccountState { get; set; } = AccountState.Active;

    /// <summary>Leave posts "not seen since …" (missing from several full scans) out of the totals.</summary>
    public bool ExcludeUnseenPosts { get; set; }

    public long TotalPosts { get; set; }

    /// <summary>Sums over the profile's posts; every counter is set (0 when no post reports it).</summary>
    public PostMetrics Totals { get; set; } = PostMetrics.From(_ => 0);

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
