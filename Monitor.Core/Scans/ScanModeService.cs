using Monitor.Core.Data;
using Monitor.Core.Profiles;

namespace Monitor.Core.Scans;

/// <summary>What a by-age profile's ladder looks like now (the mode itself is set through <see cref="Scheduling.ProfileSchedule"/>).</summary>
public sealed class ScanModeService(ScanPlanner planner, TimeProvider time)
{
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
