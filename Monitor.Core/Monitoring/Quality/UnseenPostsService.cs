using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Monitor.Core.Audit;
using Monitor.Core.Data;
using Monitor.Core.Profiles;

namespace Monitor.Core.Monitoring.Quality;

/// <summary>A profile's choice to leave posts "not seen since …" out of its totals; the totals follow at once.</summary>
public sealed class UnseenPostsService(IDbContextFactory<MonitorDbContext> contextFactory, IOptions<QualityOptions> options, AuditTrail audit, TimeProvider time)
{
    /// <returns>The totals recomputed under the new choice, or null for an unknown profile.</returns>
    public async Task<ProfileTotals?> SetExcludeAsync(Guid profileId, bool exclude, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var before = await db.Profiles.Where(p => p.Id == profileId).Select(p => (bool?)p.ExcludeUnseenPosts).SingleOrDefaultAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Profiles.Where(p => p.Id == profileId).ExecuteUpdateAsync(s => s.SetProperty(p => p.ExcludeUnseenPosts, exclude), cancellationToken) == 0)
        {
            return null;
        }

        var totals = await ProfileTotalsCalculator.RecomputeAsync(db, profileId, now, options.Value.UnseenAfterFullScans, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await audit.RecordAsync(AuditActions.MonitoringChanged, await audit.ProfileTargetAsync(profileId, cancellationToken),
            AuditChange.Between(new { ExcludeUnseenPosts = before }, new { ExcludeUnseenPosts = exclude }), cancellationToken);
        return totals;
    }

    /// <summary>When a post with these sightings is "not seen since": its last sighting, once it missed enough full scans.</summary>
    public static DateTime? NotSeenSince(int missingFullScans, DateTime lastSeenAt, int unseenAfterFullScans) =>
        missingFullScans >= unseenAfterFullScans ? lastSeenAt : null;
}
