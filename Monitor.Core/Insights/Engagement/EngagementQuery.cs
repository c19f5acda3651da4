using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Posts;

namespace Monitor.Core.Insights.Engagement;

/// <summary>
/// Profiles' engagement computed in the database in one statement: per profile, the posts of the window, then per
/// <see cref="EngagementRateDefinition"/> the nearest-rank median of the posts' rates and the ratio of their sums.
/// </summary>
public sealed class EngagementQuery(IDbContextFactory<MonitorDbContext> contextFactory)
{
    /// <summary>Each of <paramref name="profileIds"/>'s engagement over <paramref name="window"/> (a profile without posts has 0 posts and no rates).</summary>
    public async Task<IReadOnlyList<ProfileEngagement>> ForProfilesAsync(IReadOnlyCollection<Guid> profileIds, EngagementWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profileIds);
        ArgumentNullException.ThrowIfNull(window);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var sql = new InsightSql(db.Provider);
        var rows = await db.Database.SqlQueryRaw<EngagementRow>(Build(sql, profileIds, window), sql.Parameters).ToListAsync(cancellationToken);
        var byProfile = rows.ToDictionary(r => r.ProfileId);
        return [.. profileIds.Distinct().Select(id => byProfile.TryGetValue(id, out var row)
            ? new ProfileEngagement(id, window, window.Describe(), row.Posts, [.. EngagementRateDefinition.All.Select((d, i) => row.Figures(d, i))])
            : new ProfileEngagement(id, window, window.Describe(), 0, [.. EngagementRateDefinition.All.Select(EngagementFigures.Unknown)]))];
    }

    public async Task<ProfileEngagement> ForProfileAsync(Guid profileId, EngagementWindow window, CancellationToken cancellationToken) =>
        (await ForProfilesAsync([profileId], window, cancellationToken))[0];

    private static string Build(InsightSql sql, IReadOnlyCollection<Guid> profileIds, EngagementWindow window)
    {
        var definitions = EngagementRateDefinition.All;
        var perPost = string.Join(",\n", definitions.Select((d, i) =>
            $"{d.RateSql("p.", FollowersAtPosting.Sql)} AS rate{i}, {d.NumeratorSql("p.")} AS num{i}, {d.DenominatorSql("p.", FollowersAtPosting.Sql)} AS den{i}"));
        var ranks = string.Join(",\n", definitions.Select((_, i) => InsightSql.MedianRanks($"rate{i}", "profile_id", $"r{i}")));
        var figures = string.Join(",\n", definitions.Select((_, i) =>
            $"MAX(r{i}_n) AS rated{i}, {InsightSql.Median($"rate{i}", $"r{i}")} AS median{i}, "
            + $"CAST(SUM(CASE WHEN rate{i} IS NOT NULL THEN num{i} END) AS double precision) / CAST(SUM(CASE WHEN rate{i} IS NOT NULL THEN den{i} END) AS double precision) AS ratio{i}"));
        var keep = window.Kind == EngagementWindowKind.LastPosts ? $"WHERE recency <= {sql.Param(window.LastPosts)}" : "";
        return $"""
            WITH scoped AS (
                SELECT p.profile_id, {perPost},
                       ROW_NUMBER() OVER (PARTITION BY p.profile_id ORDER BY p.posted_at DESC, p.id DESC) AS recency
                FROM tiktok_posts p
                WHERE {sql.PostsOf(profileIds, window.Period)}
            ), ranked AS (
                SELECT w.*, {ranks}
                FROM scoped w {keep}
            )
            SELECT profile_id AS profile_id, COUNT(*) AS posts, {figures}
            FROM ranked
            GROUP BY profile_id
            """;
    }
}
