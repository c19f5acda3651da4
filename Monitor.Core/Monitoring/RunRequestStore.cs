using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;

namespace Monitor.Core.Monitoring;

/// <summary>
/// Writes the pending log that stands for a queued run. A profile has at most one pending or running run
/// (a unique partial index enforces it even when two requests race), so asking twice returns the same one.
/// </summary>
public sealed class RunRequestStore(IDbContextFactory<MonitorDbContext> contextFactory, TimeProvider time)
{
    /// <returns>The request, or null when the profile does not exist.</returns>
    public async Task<RunRequest?> RequestAsync(Guid profileId, MonitoringTrigger trigger, int attempt, DateTime? scheduledFor, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Profiles.AnyAsync(p => p.Id == profileId, cancellationToken))
        {
            return null;
        }

        var active = await FindActiveAsync(db, profileId, cancellationToken);
        if (active is not null)
        {
            return new RunRequest(active, Created: false);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var log = new ProfileMonitoringLog
        {
            ProfileId = profileId,
            Trigger = trigger,
            Attempt = attempt,
            Status = MonitoringStatus.Pending,
            CreatedAt = now,
            ScheduledFor = scheduledFor ?? now,
        };
        db.MonitoringLogs.Add(log);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new RunRequest(log, Created: true);
        }
        catch (DbUpdateException)
        {
            // Lost a race with another request for the same profile (or the profile was just deleted).
            await using var fresh = await contextFactory.CreateDbContextAsync(cancellationToken);
            var winner = await FindActiveAsync(fresh, profileId, cancellationToken);
            return winner is null ? null : new RunRequest(winner, Created: false);
        }
    }

    public static Task<ProfileMonitoringLog?> FindActiveAsync(MonitorDbContext db, Guid profileId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.MonitoringLogs.AsNoTracking()
            .Where(l => l.ProfileId == profileId && (l.Status == MonitoringStatus.Pending || l.Status == MonitoringStatus.Running))
            .OrderByDescending(l => l.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
