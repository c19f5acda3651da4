using Quartz;

namespace Monitor.Core.Monitoring.Scheduling;

/// <summary>The cron job (<c>Monitoring:SweepCron</c>) that queues due profiles and repairs stale pending runs.</summary>
[DisallowConcurrentExecution]
internal sealed class MonitoringSweepJob(MonitoringSweep sweep, MonitoringRecovery recovery, TimeProvider time) : IJob
{
    public const string SweepGroup = "monitoring-sweep";

    public static readonly JobKey Key = new("sweep", SweepGroup);

    /// <summary>A pending run this overdue has most likely lost its trigger (a crash between the two writes).</summary>
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await sweep.RunAsync(cancellationToken);
        await recovery.RequeuePendingAsync(time.GetUtcNow().UtcDateTime - StaleAfter, cancellationToken);
    }
}
