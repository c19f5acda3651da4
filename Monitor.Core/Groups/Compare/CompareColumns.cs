using Monitor.Core.Insights.Engagement;

namespace Monitor.Core.Groups.Compare;

/// <summary>
/// The compare table's figures, in order: the page's columns, the leaderboard's sort keys, the averages and the API's
/// column descriptions all come from <see cref="All"/>. The definitions not in the list yet have their row field and
/// wait for their <see cref="ICompareFigures"/>: registering it and adding the column here is all it takes.
/// </summary>
public static class CompareColumns
{
    public static readonly CompareColumn Followers = new("followers", "Followers",
        "Followers at the end of the period (account history).", CompareFormat.Count, r => r.Followers);

    public static readonly CompareColumn FollowersGained7Days = new("followersGained7Days", "Followers +7 d",
        "Followers gained over the 7 days to the end of the period (account history).", CompareFormat.Count, r => r.FollowersGained7Days);

    public static readonly CompareColumn FollowersGained30Days = new("followersGained30Days", "Followers +30 d",
        "Followers gained over the 30 days to the end of the period (account history).", CompareFormat.Count, r => r.FollowersGained30Days);

    public static readonly CompareColumn PostsPerWeek = new("postsPerWeek", "Posts / week",
        "Posts published in the period ÷ (days in the period ÷ 7).", CompareFormat.OneDecimal, r => r.PostsPerWeek);

    public static readonly CompareColumn MedianViews = new("medianViews", "Median views",
        "Median of the current views of the posts published in the period (the two middle posts averaged for an even count).",
        CompareFormat.Count, r => r.MedianViews);

    public static readonly CompareColumn MedianEngagementRate = new("medianEngagementRate", "Median engagement",
        $"Median of the per-post engagement rates, {EngagementRateDefinition.Default.Formula}, of the posts published in the period.", CompareFormat.Rate, r => r.MedianEngagementRate);

    public static readonly CompareColumn BestPostViews = new("bestPostViews", "Best post",
        "Current views of the most viewed post published in the period.", CompareFormat.Count, r => r.BestPost?.ViewCount);

    public static readonly CompareColumn Credits = new("credits", "Credits",
        "Credits the ledger charged to the profile on the period's days.", CompareFormat.Count, r => r.Credits);

    public static readonly CompareColumn MedianViewsAt24Hours = new("medianViewsAt24Hours", "Views at 24 h",
        "Median views of the period's posts 24 hours after posting, from their history.", CompareFormat.Count, r => r.MedianViewsAt24Hours);

    public static readonly CompareColumn MedianViewsAt7Days = new("medianViewsAt7Days", "Views at 7 d",
        "Median views of the period's posts 7 days after posting, from their history.", CompareFormat.Count, r => r.MedianViewsAt7Days);

    public static IReadOnlyList<CompareColumn> All { get; } =
    [
        Followers,
        FollowersGained7Days,
        FollowersGained30Days,
        PostsPerWeek,
        MedianViews,
        MedianEngagementRate,
        MedianViewsAt24Hours,
        MedianViewsAt7Days,
        BestPostViews,
        Credits,
    ];

    public static CompareColumn? Find(string? key) =>
        All.FirstOrDefault(c => string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase));
}
