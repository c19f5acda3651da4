namespace Monitor.Core.Insights.Leaderboards;

/// <summary>
/// A hashtag or a sound over a period: its posts, their median views and median engagement rate (nearest rank; the rate
/// is <see cref="Engagement.EngagementRateDefinition.Default"/>), and its most viewed post. <see cref="Key"/> is the tag
/// or the sound id; <see cref="Title"/>, <see cref="Author"/> and <see cref="IsOriginal"/> are a sound's.
/// </summary>
public sealed record LeaderboardRow(
    string Key,
    string? Title,
    string? Author,
    bool? IsOriginal,
    long Posts,
    long? MedianViews,
    double? MedianEngagementRate,
    BestPost? BestPost);
