using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Metrics;
using Monitor.Core.Monitoring;

namespace Monitor.Core.Profiles;

/// <summary>Recomputes a profile's totals from its posts in one aggregate statement (a single scan of its posts).</summary>
public static class ProfileTotalsCalculator
{
    // {0} is the profile id, {1} the time; the column lists come from the one definition of the metrics.
    private static readonly string RecomputeSql = $$"""
        UPDATE tiktok_profiles
        SET (total_posts, {{MetricSql.TotalColumns()}}) =
            (SELECT count(*), {{MetricSql.Sums()}} FROM tiktok_posts WHERE profile_id = {0}),
            updated_at = {1}
        WHERE id = {0}
        """;

    public static async Task<ProfileTotals> RecomputeAsync(MonitorDbContext db, Guid profileId, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var updated = await db.Database.ExecuteSqlRawAsync(RecomputeSql, [profileId, now], cancellationToken);
        if (updated == 0)
        {
            throw ProfileDeletedException.For(profileId);
        }

        return await db.Profiles.AsNoTracking()
            .Where(p => p.Id == profileId)
            .Select(p => new ProfileTotals(p.TotalPosts, p.Totals))
            .SingleAsync(cancellationToken);
    }
}
