using Quartz;

namespace Monitor.Core.Monitoring.Scheduling;

/// <summary>
/// Turns pending logs into Quartz triggers: one durable job per profile and one one-shot trigger per pending log
/// (runs of one profile never overlap: see <see cref="MonitoringRunJob"/>).
/// </summary>
public sealed class RunQueue(ISchedulerFactory schedulerFactory, QuartzBulkTriggers bulk, TimeProvider time)
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
            await scheduler.AddJob(JobFor(jobKey, log.ProfileId), AddJobOptions.Replacing, cancellationToken);
        }

        await scheduler.ScheduleTrigger(TriggerFor(log), replace ? TriggerConflict.Replace : TriggerConflict.Keep, cancellationToken);
    }

    /// <summary>
    /// Queues many new runs (a sweep, a bulk trigger) in one go: on PostgreSQL set-based into the job store
    /// (<see cref="QuartzBulkTriggers"/>) but for the first, otherwise in one call and one store transaction. A trigger
    /// already stored for a log is kept.
    /// </summary>
    public async Task EnqueueManyAsync(IReadOnlyCollection<ProfileMonitoringLog> logs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(logs);
        if (logs.Count == 0)
        {
            return;
        }

        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        var jobs = logs.Select(l => l.ProfileId).Distinct().Select(id => JobFor(JobKeyFor(id), id)).ToList();
        var triggers = logs.Select(TriggerFor).ToList();
        if (bulk.Applies && logs.Count > 1 && await bulk.TryWriteAsync(scheduler, jobs, triggers[1..], cancellationToken))
        {
            // The first run goes through the scheduler's API after the others: storing it wakes this process's
            // scheduler thread, which then acquires the whole batch at once rather than at its next idle poll.
            await EnqueueAsync(logs.First(), replace: false, cancellationToken);
            return;
        }

        var byJob = triggers.ToLookup(t => t.JobKey);
        var batch = jobs.ToDictionary(j => j, j => (IReadOnlyCollection<ITrigger>)[.. byJob[j.Key]]);
        await scheduler.ScheduleJobs(batch, ScheduleJobOptions.Replacing, cancellationToken);
    }

    internal static IJobDetail JobFor(JobKey key, Guid profileId) => JobBuilder.Create<MonitoringRunJob>()
        .WithIdentity(key)
        .UsingJobData(MonitoringRunJob.ProfileIdKey, profileId.ToString())
        .StoreDurably()
        .RequestRecovery()
        .Build();

    private ITrigger TriggerFor(ProfileMonitoringLog log)
    {
        var manualNow = log.Trigger == MonitoringTrigger.Manual && log.ScheduledFor <= time.GetUtcNow().UtcDateTime;
        var fireAt = new DateTimeOffset(manualNow ? log.ScheduledFor - ManualHeadStart : log.ScheduledFor, TimeSpan.Zero);
        return TriggerFor(TriggerKeyFor(log.Id), JobKeyFor(log.ProfileId), log.Id,
            log.Trigger == MonitoringTrigger.Manual ? ManualPriority : ScheduledPriority, fireAt);
    }

    internal static ITrigger TriggerFor(TriggerKey key, JobKey job, long logId, int priority, DateTimeOffset fireAt) => TriggerBuilder.Create()
        .WithIdentity(key)
        .ForJob(job)
        .UsingJobData(MonitoringRunJob.LogIdKey, logId.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .WithExecutionGroup(RunGroup)
        .WithPriority(priority)
        .StartAt(fireAt)
        .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.IgnoreMisfires))
        .Build();

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
