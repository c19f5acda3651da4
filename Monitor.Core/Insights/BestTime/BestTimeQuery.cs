using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Insights.SameAge;
using Monitor.Core.Posts;

namespace Monitor.Core.Insights.BestTime;

/// <summary>
/// The best-time heatmap of a set of profiles, computed in the database: each post's views at the same age, its local
/// weekday and hour from the zone's offset intervals (<see cref="ZoneOffsets"/>, joined as a VALUES table), then the
/// nearest-rank median per cell.
/// </summary>
public sealed class BestTimeQuery(IDbContextFactory<MonitorDbContext> contextFactory)
{
    public async Task<BestTimeHeatmap> HeatmapAsync(
        IReadOnlyCollection<Guid> profileIds, InsightPeriod period, TimeZoneInfo zone, bool excludeAds, CancellationToken cancellationToken,
        TimeSpan? age = null, int minimumPosts = BestTimeHeatmap.DefaultMinimumPosts, int minimumPostsPerCell = BestTimeHeatmap.DefaultMinimumPostsPerCell)
    {
        ArgumentNullException.ThrowIfNull(profileIds);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(zone);
        var at = age ?? SameAgeRule.Day;
        var empty = new BestTimeHeatmap(zone.Id, at, SameAgeRule.Describe(at), excludeAds, period, 0, minimumPosts, minimumPostsPerCell, []);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var sql = new InsightSql(db.Provider);
        var scope = sql.PostsOf(profileIds, period);
        if (excludeAds)
        {
            // As the posts filter reads "not an ad": a signal never reported is not known to be one.
            var no = sql.Param(false);
            scope += $" AND COALESCE(p.is_ad, {no}) = {no} AND COALESCE(p.is_paid_partnership, {no}) = {no}";
        }

        var rangeSql = $"SELECT MIN(p.posted_at) AS first, MAX(p.posted_at) AS last FROM tiktok_posts p WHERE {scope}";
        var range = await db.Database.SqlQueryRaw<PostedRange>(rangeSql, sql.Parameters).SingleAsync(cancellationToken);
        if (range.First is not { } first || range.Last is not { } last)
        {
            return empty;
        }

        var offsets = string.Join(", ", ZoneOffsets.Between(zone, first, last)
            .Select(z => string.Create(CultureInfo.InvariantCulture, $"({z.StartSeconds}, {z.EndSeconds}, {z.OffsetSeconds})")));
        var postedAt = sql.EpochSeconds("p.posted_at");
        // MATERIALIZED (both providers): otherwise PostgreSQL inlines the CTE and runs each history lookup once per use.
        var text = $"""
            WITH zone_offsets(start_s, end_s, offset_s) AS (VALUES {offsets}),
            aged AS MATERIALIZED (
                SELECT {postedAt} AS posted_s, {SameAgeRule.ViewsAtAgeSql(sql, at)} AS views
                FROM tiktok_posts p
                WHERE {scope}
            ), local_times AS (
                SELECT a.posted_s + z.offset_s AS local_s, a.views
                FROM aged a JOIN zone_offsets z ON a.posted_s >= z.start_s AND a.posted_s < z.end_s
                WHERE a.views IS NOT NULL
            ), cells AS (
                SELECT (local_s / 86400 + 4) % 7 AS weekday, (local_s % 86400) / 3600 AS hour, views
                FROM local_times
            ), ranked AS (
                SELECT c.*, {InsightSql.MedianRanks("views", "weekday, hour", "v")}
                FROM cells c
            )
            SELECT CAST(weekday AS integer) AS weekday, CAST(hour AS integer) AS hour, COUNT(*) AS posts, {InsightSql.Median("views", "v")} AS median_views
            FROM ranked
            GROUP BY weekday, hour
            """;
        // 1970-01-01 was a Thursday: whole local days since then, plus 4, modulo 7 count from Sunday as DayOfWeek does.
        var rows = await db.Database.SqlQueryRaw<BestTimeRow>(text, sql.Parameters).ToListAsync(cancellationToken);
        var cells = rows
            .OrderBy(r => r.Weekday).ThenBy(r => r.Hour)
            .Select(r => new BestTimeCell((DayOfWeek)r.Weekday, r.Hour, r.Posts, r.Posts < minimumPostsPerCell ? null : r.MedianViews, r.Posts < minimumPostsPerCell))
            .ToList();
        return empty with { PostsWithKnownViews = cells.Sum(c => c.Posts), Cells = cells };
    }
}
