using Microsoft.EntityFrameworkCore;
using Monitor.Core.Audit;
using Monitor.Core.Data;
using Monitor.Core.Monitoring.Runs;

namespace Monitor.Core.Monitoring.Scans;

/// <summary>Switching a profile between full and by-age scans, and what its ladder looks like now.</summary>
public sealed class ScanModeService(
    IDbContextFactory<MonitorDbContext> contextFactory,
    ScanPlanner planner,
    NextRunPolicy nextRuns,
    AuditTrail audit,
    TimeProvider time)
{
    /// <summary>Stores the mode and, when monitoring is on, moves the next scheduled run to what the mode asks for.</summary>
    /// <returns>False for an unknown profile.</returns>
    public async Task<bool> SetAsync(Guid profileId, ScanMode mode, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var profile = await db.Profiles.AsNoTracking()
            .Where(p => p.Id == profileId)
            .Select(p => new { p.Handle, p.ScanMode, p.MonitoringEnabled, p.MonitoringIntervalHours, p.LastMonitoringRun })
            .SingleOrDefaultAsync(cancellationToken);
        if (profile is null)
        {
            return false;
        }

        if (profile.ScanMode == mode)
        {
            return true;
        }

        DateTime? next = null;
        if (profile.MonitoringEnabled)
        {
            next = mode == ScanMode.ByAge
                ? planner.NextDue(await ScanHistories.LoadAsync(db, profileId, cancellationToken), now)
                : profile.LastMonitoringRun is { } last ? nextRuns.Reschedule(profileId, last, profile.MonitoringIntervalHours, now) : now;
        }

        await db.Profiles.Where(p => p.Id == profileId).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.ScanMode, mode)
            .SetProperty(p => p.NextMonitoringRun, next)
            .SetProperty(p => p.UpdatedAt, now), cancellationToken);
        await audit.RecordAsync(AuditActions.MonitoringChanged, AuditTarget.Profile(profileId, profile.Handle),
            AuditChange.Between(new { profile.ScanMode }, new { ScanMode = mode }), cancellationToken);
        return true;
    }

    /// <returns>The ladder of a by-age profile with each rung's last and next refresh; empty for a full-mode profile.</returns>
    public async Task<IReadOnlyList<ScanRungView>> RungsAsync(MonitorDbContext db, Guid profileId, ScanMode mode, bool monitoringEnabled,
        CancellationToken cancellationToken)
    {
        if (mode != ScanMode.ByAge)
        {
            return [];
        }

        var now = time.GetUtcNow().UtcDateTime;
        var history = await ScanHistories.LoadAsync(db, profileId, cancellationToken);
        return
        [
            .. planner.Rungs(history, now).Select(r => new ScanRungView(
                r.MaxAge is { } age ? (int)age.TotalHours : null,
                r.Every.TotalHours,
                r.LastRefresh,
                monitoringEnabled ? (r.DueAt > now ? r.DueAt : now) : null)),
        ];
    }
}
