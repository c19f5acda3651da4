namespace Monitor.Core.Audience;

/// <summary>The next follower milestone and when the recent trend reaches it, with a sentence that says so plainly.</summary>
/// <param name="FollowersPerDay">The least-squares slope over the window; null without enough data.</param>
/// <param name="WindowChangePercent">Followers' change from the window's first count to its last, in %.</param>
public sealed record MilestoneForecast(
    MilestoneOutlook Outlook,
    long? Current,
    long? NextMilestone,
    DateTime? ProjectedAt,
    double? FollowersPerDay,
    double? WindowChangePercent,
    string Explanation);
