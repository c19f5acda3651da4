using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitor.Core.Data;
using Quartz;

namespace Monitor.Core.Monitoring.Scheduling;

/// <summary>
/// Starts the scheduler once recovery has run (after migrations, before anything fires), and only in a role that
/// executes jobs. Quartz's own hosted service creates the scheduler in standby and shuts it down on stop.
/// </summary>
internal sealed class MonitoringSchedulerStarter(
    ISchedulerFactory schedulerFactory,
    MonitoringRecovery recovery,
    SchedulingSettings settings,
    DatabaseSettings database,
    ILogger<MonitoringSchedulerStarter> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
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

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
