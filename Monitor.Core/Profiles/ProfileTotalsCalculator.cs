using Monitor.Core.Data;
using Monitor.Core.Metrics;
namespace Monitor.Core.Profiles;

/// <summary>
/// Recomputes a profile's totals from its posts in one aggregate statement (a single scan of its posts). Each count is
/// capped at 10^15 where it comes in, but enough posts can still sum past 64 bits; a total then stops at
/// <see cref="long.MaxValue"/> instead of failing the statement and with it the run or the upload. A profile that asks
/// to leave out posts "not seen since …" (missing from <c>unseenAfterFullScans</c> full scans in a row) has them left out.
/// Suspect runs never reach the sums: their close puts the posts back to trusted values first.
/// </summary>
public static class ProfileTotalsCalculator
{
    // sum(bigint) is numeric on PostgreSQL, so it cannot overflow; LEAST brings it back into bigint.
    private static readonly string PostgresSql = RecomputeSql(m => $"LEAST(COALESCE(sum({m.Column}), 0), 9223372036854775807)");

    // SQLite's sum() raises "integer overflow"; total() sums in floating point (exact below 2^53, about 9 × 10^15)
    // and CAST of a REAL above the 64-bit range gives the largest integer.
    private static readonly string SqliteSql = RecomputeSql(m => $"CAST(total({m.Column}) AS INTEGER)");

    public static async Task<ProfileTotals> RecomputeAsync(MonitorDbContext db, Guid profileId, DateTime now, int unseenAfterFullScans, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sql = db.Provider == DatabaseProvider.Postgres ? PostgresSql : SqliteSql;
        return await DirectSql.FirstAsync(db, sql, [profileId, now, unseenAfterFullScans], ReadTotals, cancellationToken)
            ?? throw ProfileDeletedException.For(profileId);
    }

    private static ProfileTotals ReadTotals(System.Data.Common.DbDataReader reader)
    {
        // The total columns follow the count in the order of PostMetrics.All, the order From asks for them.
        var column = 1;
        return new(reader.GetInt64(0), PostMetrics.From(_ => reader.GetInt64(column++)));
    }

    // @p0 is the profile id, @p1 the time, @p2 the full scans a post may miss before it is unseen; the column lists come
    // from the one definition of the metrics. The new totals come back with the update (one round trip).
    private static string RecomputeSql(Func<MetricDefinition, string> sum) => $$"""
        UPDATE tiktok_profiles
        SET (total_posts, {{MetricSql.TotalColumns()}}) =
            (SELECT count(*), {{string.Join(", ", PostMetrics.All.Select(sum))}} FROM tiktok_posts
             WHERE profile_id = @p0 AND (missing_full_scans < @p2 OR NOT tiktok_profiles.exclude_unseen_posts)),
            updated_at = @p1
        WHERE id = @p0
        RETURNING total_posts, {{MetricSql.TotalColumns()}}
        """;
}
