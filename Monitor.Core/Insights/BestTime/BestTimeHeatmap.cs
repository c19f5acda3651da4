namespace Monitor.Core.Insights.BestTime;

/// <summary>
/// How posts did by their local posting time (weekday × hour in <see cref="TimeZone"/>): the median views at
/// <see cref="AgeLabel"/> after posting (<see cref="SameAge.SameAgeRule"/>) of the posts in each cell. Only cells with posts
/// are listed; with fewer than <see cref="MinimumPosts"/> posts of known views overall, <see cref="HasEnoughData"/> is
/// false and <see cref="PostsNeeded"/> says how many more it needs.
/// </summary>
public sealed record BestTimeHeatmap(
    string TimeZone,
    TimeSpan Age,
    string AgeLabel,
    bool ExcludesAds,
    InsightPeriod Period,
    long PostsWithKnownViews,
    int MinimumPosts,
    int MinimumPostsPerCell,
    IReadOnlyList<BestTimeCell> Cells)
{
    public const int DefaultMinimumPosts = 30;
    public const int DefaultMinimumPostsPerCell = 3;

    public string Measure => $"median views {AgeLabel} after posting";

    public bool HasEnoughData => PostsWithKnownViews >= MinimumPosts;

    public long PostsNeeded => Math.Max(0, MinimumPosts - PostsWithKnownViews);
}
