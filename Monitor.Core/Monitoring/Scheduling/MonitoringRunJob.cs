using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Monitor.Core.Monitoring.Scheduling;

/// <summary>
/// One monitoring attempt, fired by the trigger of a pending log (one durable job per profile, one trigger per log).
/// Two runs of one profile never overlap, on any node: the database allows one pending-or-running log per profile
/// and a run starts only by claiming its log from pending. [DisallowConcurrentExecution] is deliberately not used:
/// a trigger stored while its job runs (a retry, Update Now as a run ends) is parked as blocked, and one whose fire
/// time is already past when it is released was seen never to fire, in the in-memory and the ADO store alike.
/// The run closes itself and queues its own next attempt (<see cref="Runs.RunLifecycle"/>); the job only starts it.
/// </summary>
internal sealed class MonitoringRunJob(IServiceProvider services, MonitoringRecovery recovery) : IJob
{
    public const string ProfileIdKey = "profileId";
    public const string LogIdKey = "logId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var profileId = Guid.Parse(context.MergedJobDataMap.GetString(ProfileIdKey)!);
        if (context.Recovering)
        {
            // The node that ran this died mid-run (cluster recovery): close its log and queue the run again.
            var recoveredLog = context.MergedJobDataMap.GetString(LogIdKey);
            await recovery.RecoverProfileAsync(profileId, recoveredLog is null ? null : long.Parse(recoveredLog, CultureInfo.InvariantCulture), cancellationToken);
            return;
        }

        var logId = long.Parse(context.MergedJobDataMap.GetString(LogIdKey)!, CultureInfo.InvariantCulture);
        // Resolved per attempt, so a process that only queues never needs the scraping client.
        var outcome = await services.GetRequiredService<MonitoringRunner>().RunAsync(logId, cancellationToken);
        if (outcome.Status == MonitoringStatus.Pending)
        {
            // Fired as this worker began to stop: the run was not taken, and its one-shot trigger is spent.
            await recovery.RequeueAsync(logId, CancellationToken.None);
        }
    }
}
