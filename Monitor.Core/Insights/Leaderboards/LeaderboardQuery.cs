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
        var rows = await RunAsync(profileIds, period, "t.tag", "JOIN tiktok_post_hashtags t ON t.post_id = p.id", "", isSound: false, cancellationToken);
        return new Leaderboard(EngagementRateDefinition.Default.Formula, period.Describe(), [.. LeaderboardSort.Apply(rows.Select(r => r.ToRow(isSound: false)), null, true)]);
    }

    public async Task<SoundLeaderboards> SoundsAsync(IReadOnlyCollection<Guid> profileIds, InsightPeriod period, CancellationToken cancellationToken)
    {
        var rows = (await RunAsync(profileIds, period, "p.sound_id", "", "AND p.sound_id IS NOT NULL", isSound: true, cancellationToken)).Select(r => r.ToRow(isSound: true)).ToList();
        return new SoundLeaderboards(EngagementRateDefinition.Default.Formula, period.Describe(),
            LeaderboardSort.Apply(rows.Where(r => r.IsOriginal == true), null, true),
            LeaderboardSort.Apply(rows.Where(r => r.IsOriginal != true), null, true));
    }

    private async Task<List<LeaderboardSqlRow>> RunAsync(
        IReadOnlyCollection<Guid> profileIds, InsightPeriod period, string key, string join, string condition, bool isSound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profileIds);
        ArgumentNullException.ThrowIfNull(period);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var sql = new InsightSql(db.Provider);
        var rate = EngagementRateDefinition.Default.RateSql("p.", FollowersAtPosting.Sql);
        // Narrow rows through the window sorts; the best post's details are read by its key afterwards. A sound is original
        // when any of its posts says so (the flag describes the sound, reported with each post).
        var text = $"""
            WITH keyed AS (
                SELECT {key} AS k, p.id, p.views, {rate} AS rate, CASE WHEN p.sound_is_original THEN 1 ELSE 0 END AS original
                FROM tiktok_posts p {join}
                WHERE {sql.PostsOf(profileIds, period)} {condition}
            ), ranked AS (
                SELECT x.*, {InsightSql.MedianRanks("views", "k", "v")}, {InsightSql.MedianRanks("rate", "k", "r")},
                       ROW_NUMBER() OVER (PARTITION BY k ORDER BY CASE WHEN views IS NULL THEN 1 ELSE 0 END, views DESC, id) AS best
                FROM keyed x
            ), grouped AS (
                SELECT k, COUNT(*) AS posts, MAX(original) AS original,
                       {InsightSql.Median("views", "v")} AS median_views, {InsightSql.Median("rate", "r")} AS median_rate,
                       MAX(CASE WHEN best = 1 THEN id END) AS best_id
                FROM ranked
                GROUP BY k
            )
            SELECT g.k AS key, {(isSound ? "b.sound_title" : "NULL")} AS title, {(isSound ? "b.sound_author" : "NULL")} AS author, g.original, g.posts,
                   g.median_views, g.median_rate, g.best_id, b.profile_id AS best_profile_id, b.aweme_id AS best_aweme_id,
                   b.share_url AS best_share_url, b.views AS best_views
            FROM grouped g JOIN tiktok_posts b ON b.id = g.best_id
            """;
        return await db.Database.SqlQueryRaw<LeaderboardSqlRow>(text, sql.Parameters).ToListAsync(cancellationToken);
    }
}
