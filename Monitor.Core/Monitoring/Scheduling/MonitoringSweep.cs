using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Credits;
using Monitor.Core.Data;
using Monitor.Core.Monitoring.Runs;

namespace Monitor.Core.Monitoring.Scheduling;

/// <summary>
/// Queues every profile that is due: monitoring on, <c>NextMonitoringRun</c> reached, no run pending or running.
/// Each gets a pending scheduled log starting at a random offset up to <see cref="MonitoringOptions.SweepJitter"/>.
/// Running it twice queues once: the second pass sees the pending logs.
/// </summary>
public sealed class MonitoringSweep(
    IDbContextFactory<MonitorDbContext> contextFactory,
    RunLifecycle lifecycle,
    CreditBudgetService credits,
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

        var now = time.GetUtcNow().UtcDateTime;
        List<Guid> due;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            // Served by the (monitoring_enabled, next_monitoring_run) index; the NOT EXISTS by the one-active partial index.
            due = await db.Profiles
                .Where(p => p.MonitoringEnabled && p.NextMonitoringRun <= now)
                .Where(p => !db.MonitoringLogs.Any(l => l.ProfileId == p.Id
                    && (l.Status == MonitoringStatus.Pending || l.Status == MonitoringStatus.Running)))
                .OrderBy(p => p.NextMonitoringRun)
                .Select(p => p.Id)
                .ToListAsync(cancellationToken);
        }

        var jitter = options.Value.SweepJitter;
        var queued = 0;
        foreach (var profileId in due)
        {
            var offset = jitter <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * jitter.TotalMilliseconds);
            var request = await lifecycle.QueueAsync(profileId, MonitoringTrigger.Scheduled, 1, now + offset, cancellationToken);
            if (request is { Created: true })
            {
                queued++;
            }
        }

        logger.LogInformation("Monitoring sweep: {Due} profile(s) due, {Queued} run(s) queued", due.Count, queued);
        return queued;
    }
}
