using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;

namespace Monitor.Core.Profiles;

/// <summary>The profile-level history: one row of totals per completed run, for the charts and the "change" figures.</summary>
public sealed class ProfileHistoryQueries(IDbContextFactory<MonitorDbContext> contextFactory)
{
    public const int MaxPoints = 5_000;

    /// <summary>Totals recorded since <paramref name="since"/> (all when null), oldest first; null for an unknown profile.</summary>
    public async Task<IReadOnlyList<ProfileTotalsSnapshot>?> TotalsSinceAsync(Guid profileId, DateTime? since, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Profiles.AnyAsync(p => p.Id == profileId, cancellationToken))
        {
            return null;
        }

        var rows = db.ProfileMetricsHistory.AsNoTracking().Where(h => h.ProfileId == profileId);
        if (since is { } from)
        {
            rows = rows.Where(h => h.RecordedAt >= from);
        }

        return await rows.OrderBy(h => h.RecordedAt).Take(MaxPoints).Select(ToSnapshot()).ToListAsync(cancellationToken);
    }

    /// <summary>The totals of the run before the latest one: the base of "change since the previous run".</summary>
    public async Task<ProfileTotalsSnapshot?> PreviousTotalsAsync(Guid profileId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.ProfileMetricsHistory.AsNoTracking()
            .Where(h => h.ProfileId == profileId)
            .OrderByDescending(h => h.RecordedAt).ThenByDescending(h => h.Id)
            .Skip(1)
            .Select(ToSnapshot())
            .FirstOrDefaultAsync(cancellationToken);
    }

    private static System.Linq.Expressions.Expression<Func<ProfileMetricsHistory, ProfileTotalsSnapshot>> ToSnapshot() =>
        h => new ProfileTotalsSnapshot(h.RecordedAt, h.TotalPosts, h.Totals);
}
