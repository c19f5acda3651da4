using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Runs;

namespace Monitor.Core.Scans;

/// <summary>Reads a profile's <see cref="ScanHistory"/> from its completed runs: one small grouped query.</summary>
public static class ScanHistories
{
    public static async Task<ScanHistory> LoadAsync(MonitorDbContext db, Guid profileId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var latest = await db.Runs.AsNoTracking()
            .Where(l => l.ProfileId == profileId && l.Status == MonitoringStatus.Completed && l.StartedAt != null)
            .GroupBy(l => l.ScanWindowHours)
            .Select(g => new { WindowHours = g.Key, StartedAt = g.Max(l => l.StartedAt)!.Value })
            .ToListAsync(cancellationToken);
        var windows = latest.Where(l => l.WindowHours is not null).ToDictionary(l => l.WindowHours!.Value, l => l.StartedAt);
        var full = latest.Where(l => l.WindowHours is null).Select(l => (DateTime?)l.StartedAt).SingleOrDefault();
        return new ScanHistory(windows, full);
    }
}
