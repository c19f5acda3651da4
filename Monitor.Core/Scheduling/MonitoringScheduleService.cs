using Monitor.Core.Audit;
using Monitor.Core.Dispatch;
using Monitor.Core.Runs;
namespace Monitor.Core.Scheduling;

/// <summary>
/// Queueing runs: a profile's first run and Update Now. The API, the dashboard and the profile service call these; the
/// settings and the schedule themselves belong to <see cref="ProfileSchedule"/>.
/// </summary>
public sealed class MonitoringScheduleService(RunLifecycle lifecycle, AuditTrail audit, TimeProvider time)
{
    /// <summary>
    /// Monitoring just switched on (or a profile added with it on): a scheduled run due now, so a new profile shows
    /// posts within a minute instead of at the next hourly sweep. A run already pending or running is kept.
    /// </summary>
    /// <param name="dueAt">The profile's next run as just stored, so that "next run" and the queued run agree.</param>
    public Task<RunRequest?> QueueFirstRunAsync(Guid profileId, DateTime dueAt, CancellationToken cancellationToken) =>
        lifecycle.QueueAsync(profileId, MonitoringTrigger.Scheduled, 1, dueAt, cancellationToken);

    /// <summary>
    /// Update Now: a manual run ahead of every waiting scheduled one. A run already pending or running is returned
    /// instead; a scheduled or retry run still waiting to start is promoted to a manual run due now.
    /// </summary>
    /// <param name="fullScan">Read every post even on a by-age profile (which otherwise refreshes its posts under 30 days).</param>
    /// <returns>The run, or null for an unknown profile.</returns>
    public async Task<QueuedRun?> QueueManualRunAsync(Guid profileId, CancellationToken cancellationToken, bool fullScan = false)
    {
        var run = await QueueManualRunUnrecordedAsync(profileId, fullScan, cancellationToken);
        if (run is not null)
        {
            await audit.RecordAsync(AuditActions.RunRequested, await audit.ProfileTargetAsync(profileId, cancellationToken),
                AuditChange.Added(new { fullScan, queued = run.Created, run.LogId }), cancellationToken);
        }

        return run;
    }

    private async Task<QueuedRun?> QueueManualRunUnrecordedAsync(Guid profileId, bool fullScan, CancellationToken cancellationToken)
    {
        var request = await lifecycle.QueueAsync(profileId, MonitoringTrigger.Manual, 1, null, cancellationToken, fullScan);
        if (request is null)
        {
            return null;
        }

        var log = request.Log;
        if (!request.Created && log.Status == MonitoringStatus.Pending
            && (log.Trigger == MonitoringTrigger.Scheduled || log.ScheduledFor > time.GetUtcNow().UtcDateTime))
        {
            log = await lifecycle.PromoteToManualAsync(log, cancellationToken) ?? log;
        }

        return new QueuedRun(log.Id, log.Status, log.Trigger, request.Created);
    }

    /// <summary>
    /// Update Now for many profiles (the API's batch route, the dashboard's selection): every profile without a run
    /// pending or running gets a manual run due now in one batch (<see cref="RunLifecycle.QueueManyAsync"/>: one insert,
    /// one scheduling write); the few that have one go through <see cref="QueueManualRunAsync"/> (reused or promoted).
    /// </summary>
    public async Task<QueuedRuns> QueueManualRunsAsync(IReadOnlyCollection<Guid> profileIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profileIds);
        var ids = profileIds.Distinct().ToList();
        var now = time.GetUtcNow().UtcDateTime;
        var created = await lifecycle.QueueManyAsync([.. ids.Select(id => new DueRun(id, now))], MonitoringTrigger.Manual, cancellationToken);
        var runs = created.Select(l => new ProfileQueuedRun(l.ProfileId, l.Id, l.Status, l.Trigger, Created: true)).ToList();
        var notFound = new List<Guid>();
        var createdFor = created.Select(l => l.ProfileId).ToHashSet();
        foreach (var id in ids.Where(id => !createdFor.Contains(id)))
        {
            if (await QueueManualRunUnrecordedAsync(id, fullScan: false, cancellationToken) is { } run)
            {
                runs.Add(new ProfileQueuedRun(id, run.LogId, run.Status, run.Trigger, run.Created));
            }
            else
            {
                notFound.Add(id);
            }
        }

        var targets = await audit.ProfileTargetsAsync([.. runs.Select(r => r.ProfileId)], cancellationToken);
        await audit.RecordManyAsync(AuditActions.RunRequested,
            runs.Select(r => ((AuditTarget?)targets.GetValueOrDefault(r.ProfileId), AuditChange.Added(new { fullScan = false, queued = r.Created, r.LogId, batch = true }))),
            cancellationToken);
        return new QueuedRuns(runs, notFound);
    }
}
