namespace Monitor.Core.Audience;

/// <summary>One account snapshot as the API, the CSV and the chart show it.</summary>
/// <param name="LikesCount">Total likes the account's posts received, as TikTok counts them.</param>
public sealed record AccountSnapshotDto(
    DateTime RecordedAt,
    long? FollowerCount,
    long? FollowingCount,
    long? LikesCount,
    long? VideoCount,
    AccountSnapshotSource Source,
    long? MonitoringLogId);
