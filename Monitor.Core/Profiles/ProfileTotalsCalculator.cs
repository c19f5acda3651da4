using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Monitoring;

namespace Monitor.Core.Profiles;

/// <summary>
/// Recomputes a profile's totals from its posts in one aggregate statement (a single scan of its posts). Each count is
/// capped at 10^15 where it comes in, but enough posts can still sum past 64 bits; a total then stops at
/// <see cref="long.MaxValue"/> instead of failing the statement and with it the run or the upload.
/// </summary>
public static class ProfileTotalsCalculator
{
    // sum(bigint) is numeric on PostgreSQL, so it cannot overflow; LEAST brings it back into bigint.
    private const string PostgresSql = """
        UPDATE tiktok_profiles
        SET (total_posts, total_views, total_likes, total_shares, total_comments, total_saves) =
            (SELECT count(*),
                    LEAST(COALESCE(sum(views), 0), 9223372036854775807),
                    LEAST(COALESCE(sum(likes), 0), 9223372036854775807),
                    LEAST(COALESCE(sum(shares), 0), 9223372036854775807),
                    LEAST(COALESCE(sum(comments), 0), 9223372036854775807),
                    LEAST(COALESCE(sum(saves), 0), 9223372036854775807)
             FROM tiktok_posts WHERE profile_id = {0}),
            updated_at = {1}
        WHERE id = {0}
        """;

    // SQLite's sum() raises "integer overflow"; total() sums in floating point (exact below 2^53, about 9 × 10^15)
    // and CAST of a REAL above the 64-bit range gives the largest integer.
    private const string SqliteSql = """
        UPDATE tiktok_profiles
        SET (total_posts, total_views, total_likes, total_shares, total_comments, total_saves) =
            (SELECT count(*),
                    CAST(total(views) AS INTEGER),
                    CAST(total(likes) AS INTEGER),
                    CAST(total(shares) AS INTEGER),
                    CAST(total(comments) AS INTEGER),
                    CAST(total(saves) AS INTEGER)
             FROM tiktok_posts WHERE profile_id = {0}),
            updated_at = {1}
        WHERE id = {0}
        """;

    public static async Task<ProfileTotals> RecomputeAsync(MonitorDbContext db, Guid profileId, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sql = db.Provider == DatabaseProvider.Postgres ? PostgresSql : SqliteSql;
        var updated = await db.Database.ExecuteSqlRawAsync(sql, [profileId, now], cancellationToken);
        if (updated == 0)
        {
            throw ProfileDeletedException.For(profileId);
        }

        return await db.Profiles.AsNoTracking()
            .Where(p => p.Id == profileId)
            .Select(p => new ProfileTotals(p.TotalPosts, p.TotalViews, p.TotalLikes, p.TotalShares, p.TotalComments, p.TotalSaves))
            .SingleAsync(cancellationToken);
    }
}
