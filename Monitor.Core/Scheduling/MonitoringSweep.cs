using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Credits;
using Monitor.Core.Data;
using Monitor.Core.Dispatch;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;
using Monitor.Core.Workspaces;

namespace Monitor.Core.Scheduling;

/// <summary>
/// Queues every profile due before the next sweep: monitoring on, <c>NextMonitoringRun</c> before then, no run pending
/// or running. Each gets a pending scheduled log for its due time (now when overdue) plus a random offset up to
/// <see cref="MonitoringOptions.SweepJitter"/>. A due time on a sweep's beat is queued by that sweep; one between two
/// beats (a by-age rung) by the sweep before it, so it is not late by up to a beat.
/// Running it twice queues once: the second pass sees the pending logs.
/// </summary>
public sealed class MonitoringSweep(
    IDbContextFactory<MonitorDbContext> contextFactory,
    RunLifecycle lifecycle,
    CreditBudgetService credits,
    CreditWorkspaceBudgets workspaceBudgets,
    NextRunPolicy nextRuns,
    IOptions<MonitoringOptions> options,
    TimeProvider time,
    ILogger<MonitoringSweep> logger)
{
    /// <returns>How many runs this sweep queued.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (await credits.GetStatusAsync(cancellationToken) is { ScheduledRunsPaused: true } paused)
        {
            logger.LogWarning("Monitoring sweep: scheduled runs are paused. {Reason}", paused.PauseReason);
            return 0;
        }

        var spentWorkspaces = await workspaceBudgets.SpentWorkspaceIdsAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var horizon = now + (nextRuns.SweepPeriod > TimeSpan.Zero ? nextRuns.SweepPeriod : TimeSpan.FromTicks(1));
        List<(Guid Id, DateTime? Due)> due;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            // Served by the (monitoring_enabled, next_monitoring_run) index; the NOT EXISTS by the one-active partial index.
            var dueRows = db.Profiles
                .Where(p => p.MonitoringEnabled && p.NextMonitoringRun < horizon)
                .Where(p => !db.Set<MonitoringRun>().Any(l => l.ProfileId == p.Id
                    && (l.Status == MonitoringStatus.Pending || l.Status == MonitoringStatus.Running)));
            if (spentWorkspaces.Count > 0)
            {
                // A profile waits while every workspace watching it has spent its budget; one with budget left runs it.
                dueRows = dueRows.Where(p => !db.Set<WorkspaceProfile>().Any(l => l.ProfileId == p.Id)
                    || db.Set<WorkspaceProfile>().Any(l => l.ProfileId == p.Id && !spentWorkspaces.Contains(l.WorkspaceId)));
                logger.LogWarning("Monitoring sweep: {Count} workspace(s) have spent their credit budget; the profiles only they watch wait", spentWorkspaces.Count);
            }

            var rows = await dueRows
                .OrderBy(p => p.NextMonitoringRun)
                .Select(p => new { p.Id, p.NextMonitoringRun })
                .ToListAsync(cancellationToken);
            due = [.. rows.Select(r => (r.Id, r.NextMonitoringRun))];
        }

        var jitter = options.Value.SweepJitter;
        var runs = due.Select(run => new DueRun(run.Id, (run.Due is { } at && at > now ? at : now) + (jitter <= TimeSpan.Zero
            ? TimeSpan.Zero
            : TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * jitter.TotalMilliseconds)))).ToList();
        var queued = (await lifecycle.QueueManyAsync(runs, MonitoringTrigger.Scheduled, cancellationToken)).Count;
        logger.LogInformation("Monitoring sweep: {Due} profile(s) due, {Queued} run(s) queued", due.Count, queued);
        return queued;
    }
}
