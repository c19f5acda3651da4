using Monitor.Core.Common.Json;
using Monitor.Core.Insights.Engagement;
using Monitor.Core.Metrics;
using Monitor.Core.Profiles;

namespace Monitor.Core.Catalog;

/// <summary>
/// A profile as the API and the dashboard show it (the seed's field names, camelCase on the wire). The account's counters
/// (followers, following, likes received, videos) are as TikTok last reported them, at <see cref="CountersObservedAt"/>.
/// </summary>
public sealed record ProfileDto(
    Guid Id,
    string Handle,
    string? TiktokUserId,
    string? SecUid,
    string? Nickname,
    string? AvatarUrl,
    string? Bio,
    bool Verified,
    long? FollowerCount,
    long? FollowingCount,
    bool MonitoringEnabled,
    int MonitoringIntervalHours,
    DateTime? LastMonitoringRun,
    DateTime? NextMonitoringRun,
    long TotalPosts,
    [property: JsonMetrics(MetricJsonNames.Totals)] PostMetrics Totals,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    AccountState AccountState = AccountState.Active,
    ScanMode ScanMode = ScanMode.Full,
    string? AvatarCacheUrl = null,
    long? LikesCount = null,
    long? VideoCount = null,
    DateTime? CountersObservedAt = null)
{
    public string ProfileUrl => $"https://www.tiktok.com/@{Handle}";

    /// <summary>The engagement rates over the profile's last 30 posts (the default window), where one profile is read through the API.</summary>
    public Insights.Engagement.ProfileEngagement? EngagementLast30Posts { get; init; }

    public static ProfileDto From(TiktokProfile p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Id, p.Handle, p.TiktokUserId, p.SecUid, p.Nickname, p.AvatarUrl, p.Bio, p.Verified, p.FollowerCount, p.FollowingCount,
            p.MonitoringEnabled, p.MonitoringIntervalHours, p.LastMonitoringRun, p.NextMonitoringRun,
            p.TotalPosts, p.Totals, p.CreatedAt, p.UpdatedAt, p.AccountState, p.ScanMode,
            LikesCount: p.LikesCount, VideoCount: p.VideoCount, CountersObservedAt: p.CountersObservedAt);
    }
}
