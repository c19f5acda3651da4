using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Insights.Engagement;

namespace Monitor.Core.Insights.Leaderboards;

/// <summary>
/// Hashtag and sound leaderboards of a set of profiles over a period, aggregated in the database in one statement each:
/// per tag or sound, the posts, nearest-rank medians of views and of the default engagement rate, and the most viewed post.
/// </summary>
public sealed class LeaderboardQuery(IDbContextFactory<MonitorDbContext> contextFactory)
{
    public async Task<Leaderboard> HashtagsAsync(IReadOnlyCollection<Guid> profileIds, InsightPeriod period, CancellationToken cancellationToken)
    {
        var rows = await RunAsync(profileIds, period, "t.tag", "JOIN tiktok_post_hashtags t ON t.post_id = p.id", "", cancellationToken);
        return new Leaderboard(EngagementRateDefinition.Default.Formula, period.Describe(), [.. LeaderboardSort.Apply(rows.Select(r => r.ToRow(isSound: false)), null, true)]);
    }

    public async Task<SoundLeaderboards> SoundsAsync(IReadOnlyCollection<Guid> profileIds, InsightPeriod period, CancellationToken cancellationToken)
    {
        var rows = (await RunAsync(profileIds, period, "p.sound_id", "", "AND p.sound_id IS NOT NULL", cancellationToken)).Select(r => r.ToRow(isSound: true)).ToList();
        return new SoundLeaderboards(EngagementRateDefinition.Default.Formula, period.Describe(),
            LeaderboardSort.Apply(rows.Where(r => r.IsOriginal == true), null, true),
            LeaderboardSort.Apply(rows.Where(r => r.IsOriginal != true), null, true));
    }

    private async Task<List<LeaderboardQueryRow>> RunAsync(
        IReadOnlyCollection<Guid> profileIds, InsightPeriod period, string key, string join, string condition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profileIds);
        ArgumentNullException.ThrowIfNull(period);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var sql = new InsightSql(db.Provider);
        var rate = EngagementRateDefinition.Default.RateSql("p.", FollowersAtPosting.Sql);
        // A sound is original when any of its posts says so (the flag describes the sound, reported with each post).
        var text = $"""
            WITH keyed AS (
                SELECT {key} AS k, p.id, p.profile_id, p.aweme_id, p.share_url, p.views, {rate} AS rate,
                       p.sound_title, p.sound_author, CASE WHEN p.sound_is_original THEN 1 ELSE 0 END AS original
                FROM tiktok_posts p {join}
                WHERE {sql.PostsOf(profileIds, period)} {condition}
            ), ranked AS (
                SELECT x.*, {InsightSql.MedianRanks("views", "k", "v")}, {InsightSql.MedianRanks("rate", "k", "r")},
                       ROW_NUMBER() OVER (PARTITION BY k ORDER BY CASE WHEN views IS NULL THEN 1 ELSE 0 END, views DESC, id) AS best
                FROM keyed x
            )
            SELECT k AS key, MAX(sound_title) AS title, MAX(sound_author) AS author, MAX(original) AS original, COUNT(*) AS posts,
                   {InsightSql.Median("views", "v")} AS median_views, {InsightSql.Median("rate", "r")} AS median_rate,
                   MAX(CASE WHEN best = 1 THEN id END) AS best_id, MAX(CASE WHEN best = 1 THEN CAST(profile_id AS text) END) AS best_profile_id,
                   MAX(CASE WHEN best = 1 THEN aweme_id END) AS best_aweme_id, MAX(CASE WHEN best = 1 THEN share_url END) AS best_share_url,
                   MAX(CASE WHEN best = 1 THEN views END) AS best_views
            FROM ranked
            GROUP BY k
            """;
        return await db.Database.SqlQueryRaw<LeaderboardQueryRow>(text, sql.Parameters).ToListAsync(cancellationToken);
    }
}
