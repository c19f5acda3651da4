using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Monitor.Core.Data;
using Monitor.Core.Monitoring.Runs;

namespace Monitor.Core.Monitoring.Scheduling;

/// <summary>
/// Makes a restart lose nothing: runs left <c>running</c> by a process that died are closed as interrupted and queued
/// again as a new attempt, and every pending log gets its trigger back (the in-memory store starts empty; on
/// PostgreSQL this repairs a log whose trigger was never written).
/// </summary>
internal sealed class MonitoringRecovery(
    IDbContextFactory<MonitorDbContext> contextFactory,
    RunLifecycle lifecycle,
    RunQueue queue,
    SchedulingSettings settings,
    ILogger<MonitoringRecovery> logger)
{
    internal const string Interrupted = "Interrupted: the app stopped during the run.";

    public async Task RecoverAtStartAsync(CancellationToken cancellationToken)
    {
        var interrupted = 0;
        foreach (var log in await FindOrphanedRunsAsync(cancellationToken))
        {
            interrupted += await InterruptAndRequeueAsync(log, cancellationToken) ? 1 : 0;
        }

        var queued = await RequeuePendingAsync(dueBefore: null, cancellationToken);
        logger.LogInformation("Monitoring recovery: {Interrupted} interrupted run(s) queued again, {Queued} pending run(s) queued", interrupted, queued);
    }

    /// <summary>Quartz re-fired the job of a node that died: its running log (or, unnamed, the profile's) is an orphan.</summary>
    public async Task RecoverProfileAsync(Guid profileId, long? logId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var running = await db.MonitoringLogs.AsNoTracking()
            .Where(l => l.ProfileId == profileId && l.Status == MonitoringStatus.Running && (logId == null || l.Id == logId))
            .ToListAsync(cancellationToken);
        foreach (var log in running)
        {
            await InterruptAndRequeueAsync(log, cancellationToken);
        }
    }

    /// <summary>A delivery refused because this worker is stopping: its run stays pending, with its trigger back for another node.</summary>
    public async Task RequeueAsync(long logId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var log = await db.MonitoringLogs.AsNoTracking().SingleOrDefaultAsync(l => l.Id == logId && l.Status == MonitoringStatus.Pending, cancellationToken);
        if (log is not null)
        {
            await queue.EnqueueAsync(log, replace: false, cancellationToken);
        }
    }

    /// <summary>Gives each pending log (due before <paramref name="dueBefore"/>, or all) a trigger unless it has one.</summary>
    public async Task<int> RequeuePendingAsync(DateTime? dueBefore, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var pending = await db.MonitoringLogs.AsNoTracking()
            .Where(l => l.Status == MonitoringStatus.Pending && (dueBefore == null || l.ScheduledFor < dueBefore))
            .OrderBy(l => l.Id)
            .ToListAsync(cancellationToken);
        foreach (var log in pending)
        {
            await queue.EnqueueAsync(log, replace: false, cancellationToken);
        }

        return pending.Count;
    }

    private async Task<bool> InterruptAndRequeueAsync(ProfileMonitoringLog log, CancellationToken cancellationToken) =>
        await lifecycle.InterruptOrphanAsync(log.Id, log.ClaimToken, Interrupted, cancellationToken) is not null;

    private async Task<List<ProfileMonitoringLog>> FindOrphanedRunsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var running = await db.MonitoringLogs.AsNoTracking().Where(l => l.Status == MonitoringStatus.Running).ToListAsync(cancellationToken);
        if (running.Count == 0 || db.Provider == DatabaseProvider.Sqlite)
        {
            // SQLite is one process with an in-memory store: nothing can still be running at start.
            return running;
        }

        // On PostgreSQL another node may be running it. A firing in progress has a fired-trigger row (a dead node's
        // rows are recovered by Quartz itself, which re-fires the job as Recovering); no row means nobody runs it.
        var busyProfiles = await db.Database.SqlQueryRaw<string>(
                "SELECT job_name AS \"Value\" FROM " + QuartzSchema.TablePrefix + "fired_triggers WHERE sched_name = {0} AND job_group = {1}",
                settings.SchedulerName, RunQueue.RunGroup)
            .ToListAsync(cancellationToken);
        return [.. running.Where(l => !busyProfiles.Contains(l.ProfileId.ToString()))];
    }
}
