using Quartz;

namespace Monitor.Core.Monitoring.Scheduling;

/// <summary>
/// Turns pending logs into Quartz triggers: one durable job per profile and one one-shot trigger per pending log
/// (runs of one profile never overlap: see <see cref="MonitoringRunJob"/>).
/// </summary>
public sealed class RunQueue(ISchedulerFactory schedulerFactory, TimeProvider time)
{
    public const string RunGroup = "profile-monitor";

    /// <summary>
    /// Quartz orders waiting triggers by fire time first and priority second, so priority alone cannot put a manual run
    /// ahead of a scheduled one that has waited longer. A manual run due now is given a fire time this far in the past
    /// (keeping manual runs in request order among themselves) and told to ignore misfires, so it is acquired first.
    /// </summary>
    internal static readonly TimeSpan ManualHeadStart = TimeSpan.FromDays(3650);

    internal const int ManualPriority = 10;
    internal const int ScheduledPriority = 5;

    public static JobKey JobKeyFor(Guid profileId) => new(profileId.ToString(), RunGroup);

    public static TriggerKey TriggerKeyFor(long logId) => new($"log-{logId}", RunGroup);

    /// <summary>Queues the log's run; <paramref name="replace"/> moves an already queued trigger (a promotion).</summary>
    public async Task EnqueueAsync(ProfileMonitoringLog log, bool replace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        var jobKey = JobKeyFor(log.ProfileId);
        if (!await scheduler.Exists(jobKey, cancellationToken))
        {
            await scheduler.AddJob(JobFor(log.ProfileId), AddJobOptions.Replacing, cancellationToken);
        }

        await scheduler.ScheduleTrigger(TriggerFor(log), replace ? TriggerConflict.Replace : TriggerConflict.Keep, cancellationToken);
    }

    /// <summary>
    /// Queues many new runs (a sweep, a bulk trigger) in one call and one job-store transaction, instead of three
    /// transactions a run. Each profile's job is stored again with the same definition.
    /// </summary>
    public async Task EnqueueManyAsync(IReadOnlyCollection<ProfileMonitoringLog> logs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(logs);
        if (logs.Count == 0)
        {
            return;
        }

        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        var batch = logs.GroupBy(l => l.ProfileId).ToDictionary(
            g => JobFor(g.Key),
            g => (IReadOnlyCollection<ITrigger>)[.. g.Select(TriggerFor)]);
        await scheduler.ScheduleJobs(batch, ScheduleJobOptions.Replacing, cancellationToken);
    }

    private static IJobDetail JobFor(Guid profileId) => JobBuilder.Create<MonitoringRunJob>()
        .WithIdentity(JobKeyFor(profileId))
        .UsingJobData(MonitoringRunJob.ProfileIdKey, profileId.ToString())
        .StoreDurably()
        .RequestRecovery()
        .Build();

    private ITrigger TriggerFor(ProfileMonitoringLog log)
    {
        var manualNow = log.Trigger == MonitoringTrigger.Manual && log.ScheduledFor <= time.GetUtcNow().UtcDateTime;
        var fireAt = new DateTimeOffset(manualNow ? log.ScheduledFor - ManualHeadStart : log.ScheduledFor, TimeSpan.Zero);
        return TriggerBuilder.Create()
            .WithIdentity(TriggerKeyFor(log.Id))
            .ForJob(JobKeyFor(log.ProfileId))
            .UsingJobData(MonitoringRunJob.LogIdKey, log.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithExecutionGroup(RunGroup)
            .WithPriority(log.Trigger == MonitoringTrigger.Manual ? ManualPriority : ScheduledPriority)
            .StartAt(fireAt)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.IgnoreMisfires))
            .Build();
    }

    /// <summary>Drops a deleted profile's job and any trigger still waiting; a run under way ends on its own.</summary>
    public async Task ForgetProfileAsync(Guid profileId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        await scheduler.DeleteJob(JobKeyFor(profileId), cancellationToken);
    }

    /// <returns>True when a trigger that had not fired was removed.</returns>
    public async Task<bool> WithdrawAsync(long logId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        return await scheduler.UnscheduleJob(TriggerKeyFor(logId), cancellationToken);
    }
}
