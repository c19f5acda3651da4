using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Monitor.Core.Data;
using Monitor.Core.Monitoring.Queries;

namespace Monitor.Core.Monitoring.Scheduling;

/// <summary>Turning monitoring on and off, and Update Now. The API, the dashboard and the profile service call these.</summary>
public sealed class MonitoringScheduleService(
    IDbContextFactory<MonitorDbContext> contextFactory,
    RunRequestStore requests,
    RunQueue queue,
    MonitoringQueries queries,
    TimeProvider time,
    ILogger<MonitoringScheduleService> logger)
{
    /// <summary>
    /// On: due now, so the next sweep queues it (already on: unchanged). Off: no next run, and a scheduled run that
    /// has not started is withdrawn; a manual run still happens.
    /// </summary>
    /// <returns>The profile's monitoring status, or null for an unknown profile.</returns>
    public async Task<ProfileMonitoringStatus?> SetMonitoringAsync(Guid profileId, bool enabled, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            var changed = enabled
                ? await db.Profiles.Where(p => p.Id == profileId).ExecuteUpdateAsync(s => s
                    .SetProperty(p => p.NextMonitoringRun, p => p.MonitoringEnabled ? p.NextMonitoringRun ?? now : now)
                    .SetProperty(p => p.MonitoringEnabled, true)
                    .SetProperty(p => p.UpdatedAt, now), cancellationToken)
                : await db.Profiles.Where(p => p.Id == profileId).ExecuteUpdateAsync(s => s
                    .SetProperty(p => p.MonitoringEnabled, false)
                    .SetProperty(p => p.NextMonitoringRun, (DateTime?)null)
                    .SetProperty(p => p.UpdatedAt, now), cancellationToken);
            if (changed == 0)
            {
                return null;
            }

            if (!enabled)
            {
                await WithdrawScheduledAsync(db, profileId, cancellationToken);
            }
        }

        return await queries.GetStatusAsync(profileId, cancellationToken);
    }

    /// <summary>
    /// Update Now: a manual run ahead of every waiting scheduled one. A run already pending or running is returned
    /// instead; a scheduled or retry run still waiting to start is promoted to a manual run due now.
    /// </summary>
    /// <returns>The run, or null for an unknown profile.</returns>
    public async Task<QueuedRun?> QueueManualRunAsync(Guid profileId, CancellationToken cancellationToken)
    {
        var request = await requests.RequestAsync(profileId, MonitoringTrigger.Manual, 1, null, cancellationToken);
        if (request is null)
        {
            return null;
        }

        var log = request.Log;
        if (request.Created)
        {
            await queue.EnqueueAsync(log, replace: false, cancellationToken);
        }
        else if (log.Status == MonitoringStatus.Pending && (log.Trigger == MonitoringTrigger.Scheduled || log.ScheduledFor > time.GetUtcNow().UtcDateTime))
        {
            log = await PromoteAsync(log, cancellationToken) ?? log;
        }

        return new QueuedRun(log.Id, log.Status, log.Trigger, request.Created);
    }

    private async Task<ProfileMonitoringLog?> PromoteAsync(ProfileMonitoringLog log, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var promoted = await db.MonitoringLogs
            .Where(l => l.Id == log.Id && l.Status == MonitoringStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Trigger, MonitoringTrigger.Manual).SetProperty(l => l.ScheduledFor, now), cancellationToken);
        if (promoted == 0)
        {
            // It started meanwhile: the caller gets the run as it now is.
            return await db.MonitoringLogs.AsNoTracking().SingleOrDefaultAsync(l => l.Id == log.Id, cancellationToken);
        }

        log.Trigger = MonitoringTrigger.Manual;
        log.ScheduledFor = now;
        await queue.EnqueueAsync(log, replace: true, cancellationToken);
        logger.LogInformation("Run {LogId} promoted to a manual run due now", log.Id);
        return log;
    }

    private async Task WithdrawScheduledAsync(MonitorDbContext db, Guid profileId, CancellationToken cancellationToken)
    {
        var waiting = await db.MonitoringLogs.AsNoTracking()
            .Where(l => l.ProfileId == profileId && l.Status == MonitoringStatus.Pending && l.Trigger == MonitoringTrigger.Scheduled)
            .Select(l => l.Id)
            .ToListAsync(cancellationToken);
        foreach (var logId in waiting)
        {
            // Delete first: should the trigger fire in between, the runner finds no pending log and does nothing.
            var deleted = await db.MonitoringLogs
                .Where(l => l.Id == logId && l.Status == MonitoringStatus.Pending)
                .ExecuteDeleteAsync(cancellationToken);
            if (deleted > 0)
            {
                await queue.WithdrawAsync(logId, cancellationToken);
                logger.LogInformation("Monitoring off: withdrew scheduled run {LogId}", logId);
            }
        }
    }
}
