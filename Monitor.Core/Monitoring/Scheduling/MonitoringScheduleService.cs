using Microsoft.EntityFrameworkCore;
using Monitor.Core.Audit;
using Monitor.Core.Data;
using Monitor.Core.Monitoring.Queries;
using Monitor.Core.Monitoring.Runs;
using Monitor.Core.Monitoring.Scans;

namespace Monitor.Core.Monitoring.Scheduling;

/// <summary>Turning monitoring on and off, the interval, and Update Now. The API, the dashboard and the profile service call these.</summary>
public sealed class MonitoringScheduleService(
    IDbContextFactory<MonitorDbContext> contextFactory,
    RunLifecycle lifecycle,
    MonitoringQueries queries,
    NextRunPolicy nextRuns,
    AuditTrail audit,
    TimeProvider time)
{
    /// <summary>
    /// Sets the hours between scheduled runs. A monitored profile that has run before gets its next run counted anew
    /// from its last run (<see cref="NextRunPolicy.Reschedule"/>); one whose first run is still to come keeps it.
    /// </summary>
    /// <returns>The profile's monitoring status, or null for an unknown profile.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The interval is outside <see cref="MonitoringInterval"/>.</exception>
    public async Task<ProfileMonitoringStatus?> SetIntervalAsync(Guid profileId, int intervalHours, CancellationToken cancellationToken)
    {
        if (!MonitoringInterval.IsValid(intervalHours))
        {
            throw new ArgumentOutOfRangeException(nameof(intervalHours), intervalHours, MonitoringInterval.Rule);
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            var profile = await db.Profiles.Where(p => p.Id == profileId)
                .Select(p => new { p.MonitoringEnabled, p.LastMonitoringRun, p.NextMonitoringRun, p.ScanMode, p.MonitoringIntervalHours })
                .SingleOrDefaultAsync(cancellationToken);
            if (profile is null)
            {
                return null;
            }

            // A by-age profile's runs follow its ladder; the interval applies when it returns to full scans.
            var next = profile is { MonitoringEnabled: true, LastMonitoringRun: { } last, ScanMode: ScanMode.Full }
                ? nextRuns.Reschedule(profileId, last, intervalHours, now)
                : profile.NextMonitoringRun;
            // The new time only if nothing changed since the read: a run closing or a toggle in between keeps its own.
            var enabled = profile.MonitoringEnabled;
            var lastRun = profile.LastMonitoringRun;
            await db.Profiles.Where(p => p.Id == profileId).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.MonitoringIntervalHours, intervalHours)
                .SetProperty(p => p.NextMonitoringRun, p => p.MonitoringEnabled == enabled && p.LastMonitoringRun == lastRun ? next : p.NextMonitoringRun)
                .SetProperty(p => p.UpdatedAt, now), cancellationToken);
            await audit.RecordAsync(AuditActions.MonitoringChanged, await audit.ProfileTargetAsync(profileId, cancellationToken),
                AuditChange.Between(new { profile.MonitoringIntervalHours }, new { MonitoringIntervalHours = intervalHours }), cancellationToken);
        }

        return await queries.GetStatusAsync(profileId, cancellationToken);
    }

    /// <summary>
    /// On (from off): the first run is queued at once, not at the next sweep; already on: unchanged. Off: no next run,
    /// and a scheduled run that has not started is withdrawn; a manual run still happens.
    /// </summary>
    /// <returns>The profile's monitoring status, or null for an unknown profile.</returns>
    public async Task<ProfileMonitoringStatus?> SetMonitoringAsync(Guid profileId, bool enabled, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            if (enabled)
            {
                var switchedOn = await db.Profiles.Where(p => p.Id == profileId && !p.MonitoringEnabled).ExecuteUpdateAsync(s => s
                    .SetProperty(p => p.NextMonitoringRun, now)
                    .SetProperty(p => p.MonitoringEnabled, true)
                    .SetProperty(p => p.UpdatedAt, now), cancellationToken);
                if (switchedOn > 0)
                {
                    await QueueFirstRunAsync(profileId, now, cancellationToken);
                    await RecordSwitchAsync(profileId, true, cancellationToken);
                }
            }
            else
            {
                var wasOn = await db.Profiles.AnyAsync(p => p.Id == profileId && p.MonitoringEnabled, cancellationToken);
                if (await db.Profiles.Where(p => p.Id == profileId).ExecuteUpdateAsync(s => s
                    .SetProperty(p => p.MonitoringEnabled, false)
                    .SetProperty(p => p.NextMonitoringRun, (DateTime?)null)
                    .SetProperty(p => p.UpdatedAt, now), cancellationToken) > 0)
                {
                    await lifecycle.WithdrawScheduledAsync(profileId, cancellationToken);
                    if (wasOn)
                    {
                        await RecordSwitchAsync(profileId, false, cancellationToken);
                    }
                }
            }
        }

        return await queries.GetStatusAsync(profileId, cancellationToken);
    }

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

    private async Task RecordSwitchAsync(Guid profileId, bool enabled, CancellationToken cancellationToken) =>
        await audit.RecordAsync(AuditActions.MonitoringChanged, await audit.ProfileTargetAsync(profileId, cancellationToken),
            AuditChange.Between(new { MonitoringEnabled = !enabled }, new { MonitoringEnabled = enabled }), cancellationToken);
}
