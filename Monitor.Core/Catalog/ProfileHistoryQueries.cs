using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Profiles;
using Monitor.Core.Quality;
using Monitor.Core.Runs;

namespace Monitor.Core.Catalog;

/// <summary>The profile-level history: one row of totals per completed run, for the charts and the "change" figures.</summary>
public sealed class ProfileHistoryQueries(IDbContextFactory<MonitorDbContext> contextFactory)
{
    public const int MaxPoints = 5_000;

    /// <summary>Ten years: longer than the app has existed, and far from the date arithmetic's overflow.</summary>
    public const int MaxDays = 3_650;

    /// <summary>
    /// Totals recorded since <paramref name="since"/> (all when null), oldest first; null for an unknown profile. A suspect
    /// run's row is left out: its totals only repeat the trusted ones, and the chart shows a gap there instead.
    /// </summary>
    public async Task<IReadOnlyList<ProfileTotalsSnapshot>?> TotalsSinceAsync(Guid profileId, DateTime? since, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Profiles.AnyAsync(p => p.Id == profileId, cancellationToken))
        {
            return null;
        }

        var rows = db.ProfileMetricsHistory.AsNoTracking().Where(h => h.ProfileId == profileId
            && !db.Set<MonitoringRun>().Any(l => l.Id == h.MonitoringLogId && l.SuspectReason != null));
        if (since is { } from)
        {
            rows = rows.Where(h => h.RecordedAt >= from);
        }

        return await rows.OrderBy(h => h.RecordedAt).Take(MaxPoints).Select(ToSnapshot()).ToListAsync(cancellationToken);
    }

    /// <summary>When the profile's runs since <paramref name="since"/> failed, were interrupted or were suspect: where its charts break the line.</summary>
    public async Task<IReadOnlyList<DateTime>> GapsSinceAsync(Guid profileId, DateTime? since, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var from = since ?? DateTime.MinValue;
        return await db.Runs.AsNoTracking()
            .Where(l => l.ProfileId == profileId && l.CompletedAt != null && l.CompletedAt >= from
                && (l.Status == MonitoringStatus.Failed || l.Status == MonitoringStatus.Interrupted || l.SuspectReason != null))
            .OrderBy(l => l.CompletedAt)
            .Take(MaxPoints)
            .Select(l => l.CompletedAt!.Value)
            .ToListAsync(cancellationToken);
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
