using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Dispatch;
using Quartz;

namespace Monitor.Core.Scheduling;

/// <summary>
/// Starts the scheduler of the timed jobs (sweep, credits, media, digest) once recovery has run (after migrations,
/// before anything fires), and only in a role that executes jobs; the runs themselves wait in their rows for the
/// <see cref="RunDispatcher"/>. Quartz's own hosted service creates the scheduler in standby and shuts it down on stop;
/// this one stops first (registered after it): the dispatcher claims nothing more and the running runs end their page,
/// close as interrupted and queue their next attempt, within the host's shutdown timeout.
/// </summary>
internal sealed class MonitoringSchedulerStarter(
    ISchedulerFactory schedulerFactory,
    MonitoringRecovery recovery,
    RunShutdown shutdown,
    SchedulingSettings settings,
    DatabaseSettings database,
    ILogger<MonitoringSchedulerStarter> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!settings.StartsScheduler)
        {
            if (database.Provider == DatabaseProvider.Sqlite)
            {
                logger.LogWarning("QUEUE_NAME=none on SQLite: this process queues runs but nothing executes them. They start when an app with QUEUE_NAME=all starts on this database.");
            }
            else
            {
                logger.LogInformation("QUEUE_NAME=none: runs are queued in the database for the worker nodes");
            }

            return;
        }

        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        await ForgetPerRunJobsAsync(scheduler, cancellationToken);
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
                var scheduler = await schedulerFactory.GetScheduler(CancellationToken.None);
                if (scheduler.Status == SchedulerStatus.Running)
                {
                    await scheduler.Standby(CancellationToken.None);
                }
            }
            catch (Exception ex) when (ex is SchedulerException or ObjectDisposedException)
            {
                // Stopped before (a second StopAsync): nothing fires.
                logger.LogDebug(ex, "The scheduler is already shut down");
            }
        }

        // Stop claiming (the dispatcher watches this too); the runs already claimed end below.
        await shutdown.StopAsync(AbortGrace, cancellationToken);
    }

    /// <summary>
    /// Earlier versions queued each run as a Quartz job of its profile in <see cref="RunQueue.RunGroup"/>: an upgraded
    /// database's job store may still hold them, for a job type that no longer exists. Their runs wait in their rows.
    /// </summary>
    private async Task ForgetPerRunJobsAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        var jobs = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(RunQueue.RunGroup), cancellationToken);
        if (jobs.Count > 0)
        {
            await scheduler.DeleteJobs([.. jobs], cancellationToken);
            logger.LogInformation("Removed {Count} per-run job(s) of an earlier version from the Quartz store; their runs wait in the run queue", jobs.Count);
        }
    }
}
