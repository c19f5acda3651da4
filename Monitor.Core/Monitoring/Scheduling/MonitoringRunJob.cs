using System.Globalization;
using Quartz;

namespace Monitor.Core.Monitoring.Scheduling;

/// <summary>
/// One monitoring attempt, fired by the trigger of a pending log. There is one job per profile and it disallows
/// concurrent execution, so two runs of one profile never overlap even across a cluster.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class MonitoringRunJob(IMonitoringRunExecutor executor, RunRetries retries, MonitoringRecovery recovery) : IJob
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
            await recovery.RecoverProfileAsync(profileId, cancellationToken);
            return;
        }

        var logId = long.Parse(context.MergedJobDataMap.GetString(LogIdKey)!, CultureInfo.InvariantCulture);
        RunOutcome outcome;
        try
        {
            outcome = await executor.RunAsync(logId, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The runner has marked the log interrupted; a new attempt keeps the run from being lost.
            await retries.RequeueInterruptedAsync(logId, CancellationToken.None);
            throw;
        }

        if (!outcome.Succeeded)
        {
            await retries.HandleFailureAsync(outcome, cancellationToken);
        }
    }
}
