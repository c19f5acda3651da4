namespace Monitor.Core.Insights.Engagement;

/// <summary>
/// The account's followers when a post was published, as SQL over a post row aliased <c>p</c>. Account history is recorded
/// by another part of the monitor; until it is wired here the value is unknown (NULL), so the rate by followers is
/// unknown everywhere and shown nowhere. Wiring it is this one expression (e.g. the latest account-history followers
/// recorded at or before <c>p.posted_at</c>) and <see cref="Posts.PostDto.FollowersAtPosting"/>.
/// </summary>
public static class FollowersAtPosting
{
    public const string Sql = "CAST(NULL AS bigint)";
}
