using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Monitoring;

namespace Monitor.Core.Profiles;

/// <summary>Recomputes a profile's totals from its posts in one aggregate statement (a single scan of its posts).</summary>
public static class ProfileTotalsCalculator
{
    public static async Task<ProfileTotals> RecomputeAsync(MonitorDbContext db, Guid profileId, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var updated = await db.Database.ExecuteSqlAsync($"""
            UPDATE tiktok_profiles
            SET (total_posts, total_views, total_likes, total_shares, total_comments, total_saves) =
                (SELECT count(*), COALESCE(sum(views), 0), COALESCE(sum(likes), 0), COALESCE(sum(shares), 0),
                        COALESCE(sum(comments), 0), COALESCE(sum(saves), 0)
                 FROM tiktok_posts WHERE profile_id = {profileId}),
                updated_at = {now}
            WHERE id = {profileId}
            """, cancellationToken);
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
