using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Posts;

namespace Monitor.Core.Insights.SameAge;

/// <summary>
/// Per profile, the median views of its posts at the same age (24 h, 7 days; <see cref="SameAgeRule"/>), in one statement:
/// each post's views at each age from its history, then nearest-rank medians per profile.
/// </summary>
public sealed class SameAgeQuery(IDbContextFactory<MonitorDbContext> contextFactory)
{
    /// <summary>Each of <paramref name="profileIds"/>'s medians over its posts published in <paramref name="period"/>.</summary>
    public async Task<IReadOnlyList<SameAgeMedians>> MediansAsync(IReadOnlyCollection<Guid> profileIds, InsightPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profileIds);
        ArgumentNullException.ThrowIfNull(period);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var sql = new InsightSql(db.Provider);
        // MATERIALIZED (both providers): otherwise PostgreSQL inlines the CTE and runs each history lookup once per use.
        var text = $"""
            WITH aged AS MATERIALIZED (
                SELECT p.profile_id, {SameAgeRule.ViewsAtAgeSql(sql, SameAgeRule.Day)} AS v24, {SameAgeRule.ViewsAtAgeSql(sql, SameAgeRule.Week)} AS v7
                FROM tiktok_posts p
                WHERE {sql.PostsOf(profileIds, period)}
            ), ranked AS (
                SELECT a.*, {InsightSql.MedianRanks("v24", "profile_id", "d")}, {InsightSql.MedianRanks("v7", "profile_id", "w")}
                FROM aged a
            )
            SELECT profile_id AS profile_id, COUNT(*) AS posts,
                   MAX(d_n) AS known24, {InsightSql.Median("v24", "d")} AS median24,
                   MAX(w_n) AS known7, {InsightSql.Median("v7", "w")} AS median7
            FROM ranked
            GROUP BY profile_id
            """;
        var rows = (await db.Database.SqlQueryRaw<SameAgeRow>(text, sql.Parameters).ToListAsync(cancellationToken)).ToDictionary(r => r.ProfileId);
        return [.. profileIds.Distinct().Select(id => rows.TryGetValue(id, out var row)
            ? new SameAgeMedians(id, row.Posts, Figure(SameAgeRule.Day, row.Known24, row.Median24), Figure(SameAgeRule.Week, row.Known7, row.Median7))
            : new SameAgeMedians(id, 0, Figure(SameAgeRule.Day, 0, null), Figure(SameAgeRule.Week, 0, null)))];
    }

    private static SameAgeFigure Figure(TimeSpan age, long known, long? median) => new(age, SameAgeRule.Describe(age), known, median);
}
