using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitor.Core.Data;
using Monitor.Core.Monitoring.Runs;
using Quartz;

namespace Monitor.Core.Monitoring.Scheduling;

/// <summary>
/// Starts the scheduler once recovery has run (after migrations, before anything fires), and only in a role that
/// executes jobs. Quartz's own hosted service creates the scheduler in standby and shuts it down on stop; this one
/// stops first (registered after it): it stops taking runs and lets the running ones end their page, close as
/// interrupted and queue their next attempt, within the host's shutdown timeout.
/// </summary>
internal sealed class MonitoringSchedulerStarter(
    ISchedulerFactory schedulerFactory,
    QuartzBulkTriggers bulkTriggers,
    MonitoringRecovery recovery,
    RunShutdown shutdown,
    SchedulingSettings settings,
    DatabaseSettings database,
    ILogger<MonitoringSchedulerStarter> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        // Every role queues runs (a web node's Update Now of many profiles too).
        await bulkTriggers.WarmUpAsync(scheduler, cancellationToken);
        if (!settings.StartsScheduler)
        {
            if (database.Provider == DatabaseProvider.Sqlite)
            {
                logger.LogWarning("QUEUE_NAME=none on SQLite: this process queues runs but nothing executes them. They start when an app with QUEUE_NAME=all starts on this database.");
            }
            else
            {
                logger.LogInformation("QUEUE_NAME=none: runs are queued into the PostgreSQL job store for the worker nodes");
            }

            return;
        }

        if (settings.ExecutesMonitoring)
        {
            await recovery.RecoverAtStartAsync(cancellationToken);
        }

        await scheduler.Start(cancellationToken);
        logger.LogInformation("Scheduler {Name} started as {Role} on {Database}, instance {InstanceId}", settings.SchedulerName, settings.Role, database.Describe(), scheduler.SchedulerInstanceId);
    }

    /// <summary>How long a run cancelled mid-page at the shutdown deadline gets to write its interruption.</summary>
    private static readonly TimeSpan AbortGrace = TimeSpan.FromSeconds(3);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (settings.StartsScheduler)
        {
            try
            {
                // Stop taking runs; the runs already taken end below.
                var scheduler = await schedulerFactory.GetScheduler(CancellationToken.None);
                if (scheduler.Status == SchedulerStatus.Running)
                {
                    await scheduler.Standby(CancellationToken.None);
                }
            }
            catch (Exception ex) when (ex is SchedulerException or ObjectDisposedException)
            {
                // Stopped before (a second StopAsync): nothing is taking runs.
                logger.LogDebug(ex, "The scheduler is already shut down");
            }
        }

        await shutdown.StopAsync(AbortGrace, cancellationToken);
    }
}
