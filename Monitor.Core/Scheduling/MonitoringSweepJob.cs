using Quartz;

namespace Monitor.Core.Scheduling;

/// <summary>The cron job (<c>Monitoring:SweepCron</c>) that queues due profiles.</summary>
[DisallowConcurrentExecution]
internal sealed class MonitoringSweepJob(MonitoringSweep sweep) : IJob
{
    public const string SweepGroup = "monitoring-sweep";

    public static readonly JobKey Key = new("sweep", SweepGroup);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await sweep.RunAsync(cancellationToken);
}
