using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Data;
using Monitor.Core.LiveEvents;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Core.Quality;
using Monitor.Core.Runs;
using Monitor.Core.Scans;
using Monitor.Core.Scraping;

namespace Monitor.Core.Dispatch;

/// <summary>
/// The one owner of a run's life: every state change of a run row (pending → running → completed | failed |
/// interrupted) happens here and publishes its event. A running run's writes are conditional on its status and its
/// claim token, so a late, duplicate or recovered delivery can never change a run another delivery owns.
/// This file: queueing, promotion, withdrawal, the claim and the page writes; <c>RunLifecycle.Closing.cs</c>: the ends.
/// </summary>
public sealed partial class RunLifecycle(
    IDbContextFactory<MonitorDbContext> contextFactory,
    IPostBatchWriter postWriter,
    RunQueue queue,
    MonitoringEventHub events,
    IRunCloseSchedule schedule,
    ScanPlanner scans,
    RunQualityCheck quality,
    IOptions<QualityOptions> qualityOptions,
    IOptions<MonitoringOptions> options,
    TimeProvider time,
    ILogger<RunLifecycle> logger)
{
    /// <summary>
    /// A pending run for the profile, queued; a profile has at most one pending or running run (a unique partial index
    /// enforces it even when two requests race), so asking twice returns the same one.
    /// </summary>
    /// <param name="fullScan">Read every post whatever the profile's scan mode (the full-scan action); a waiting run is upgraded.</param>
    /// <returns>The request, or null when the profile does not exist. A database failure is thrown, never taken for a missing profile.</returns>
    public async Task<RunRequest?> QueueAsync(Guid profileId, MonitoringTrigger trigger, int attempt, DateTime? scheduledFor, CancellationToken cancellationToken,
        bool fullScan = false)
    {
        MonitoringRun log;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.Profiles.AnyAsync(p => p.Id == profileId, cancellationToken))
            {
                return null;
            }

            if (await FindActiveAsync(db, profileId, cancellationToken) is { } active)
            {
                if (fullScan && !active.FullScanRequested && await db.Runs
                    .Where(l => l.Id == active.Id && l.Status == MonitoringStatus.Pending)
                    .ExecuteUpdateAsync(s => s.SetProperty(l => l.FullScanRequested, true), cancellationToken) > 0)
                {
                    active.FullScanRequested = true;
                }

                return new RunRequest(active, Created: false);
            }

            var now = time.GetUtcNow().UtcDateTime;
            log = NewPendingLog(profileId, trigger, attempt, now, scheduledFor ?? now);
            log.FullScanRequested = fullScan;
            db.Runs.Add(log);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex) || DatabaseErrors.IsForeignKeyViolation(ex))
            {
                // Lost a race with another request for the same profile, or the profile was deleted meanwhile.
                await using var fresh = await contextFactory.CreateDbContextAsync(cancellationToken);
                var winner = await FindActiveAsync(fresh, profileId, cancellationToken);
                return winner is null ? null : new RunRequest(winner, Created: false);
            }
        }

        Publish(MonitoringEventKind.Queued, log, RunProgress.None);
        queue.Wake();
        return new RunRequest(log, Created: true);
    }

    /// <summary>
    /// Queues new runs for many profiles at once (the sweep, a bulk trigger): one insert for every run row, and one ring
    /// of the dispatcher. A profile with a run pending or running, or deleted, is skipped.
    /// </summary>
    /// <returns>The runs created.</returns>
    public async Task<IReadOnlyList<MonitoringRun>> QueueManyAsync(IReadOnlyList<DueRun> runs, MonitoringTrigger trigger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0)
        {
            return [];
        }

        List<MonitoringRun> created;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            created = await PendingRunInserter.InsertAsync(db, runs, trigger, 1, time.GetUtcNow().UtcDateTime, cancellationToken);
        }

        foreach (var log in created)
        {
            Publish(MonitoringEventKind.Queued, log, RunProgress.None);
        }

        if (created.Count > 0)
        {
            queue.Wake();
        }

        return created;
    }

    /// <summary>Update Now on a waiting scheduled or retry run: it becomes a manual run due now.</summary>
    /// <returns>The run as it now is (it may have started meanwhile), or null when it no longer exists.</returns>
    public async Task<MonitoringRun?> PromoteToManualAsync(MonitoringRun log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var promoted = await db.Runs
            .Where(l => l.Id == log.Id && l.Status == MonitoringStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Trigger, MonitoringTrigger.Manual).SetProperty(l => l.ScheduledFor, now), cancellationToken);
        if (promoted == 0)
        {
            return await db.Runs.AsNoTracking().SingleOrDefaultAsync(l => l.Id == log.Id, cancellationToken);
        }

        var manual = await db.Runs.AsNoTracking().SingleAsync(l => l.Id == log.Id, cancellationToken);
        Publish(MonitoringEventKind.Queued, manual, RunProgress.None);
        queue.Wake();
        logger.LogInformation("Run {LogId} promoted to a manual run due now", log.Id);
        return manual;
    }

    /// <summary>Monitoring off: scheduled runs that have not started are deleted; a manual run stays.</summary>
    public async Task WithdrawScheduledAsync(Guid profileId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var waiting = await db.Runs.AsNoTracking()
            .Where(l => l.ProfileId == profileId && l.Status == MonitoringStatus.Pending && l.Trigger == MonitoringTrigger.Scheduled)
            .Select(l => l.Id)
            .ToListAsync(cancellationToken);
        foreach (var runId in waiting)
        {
            // Conditional on pending: a run claimed meanwhile goes on.
            var deleted = await db.Runs
                .Where(l => l.Id == runId && l.Status == MonitoringStatus.Pending)
                .ExecuteDeleteAsync(cancellationToken);
            if (deleted > 0)
            {
                logger.LogInformation("Monitoring off: withdrew scheduled run {LogId}", runId);
            }
        }
    }

    /// <summary>
    /// Claims a pending run for this delivery (pending → running, with a new claim token and a first heartbeat) and fixes
    /// which posts it reads (<see cref="ScanPlanner"/>), stored with the claim so the ladder's state follows from the logs.
    /// </summary>
    /// <returns>The claim, or null when the run is not pending (done, running elsewhere, or deleted): nothing to do.</returns>
    public async Task<RunClaim?> ClaimAsync(long runId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var token = Guid.NewGuid();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var pending = await db.Runs.AsNoTracking()
            .Where(l => l.Id == runId && l.Status == MonitoringStatus.Pending)
            .Select(l => new { l.ProfileId, l.Trigger, l.FullScanRequested, l.Profile!.ScanMode })
            .SingleOrDefaultAsync(cancellationToken);
        if (pending is null)
        {
            return null;
        }

        var history = pending.ScanMode == ScanMode.Full ? ScanHistory.Empty : await ScanHistories.LoadAsync(db, pending.ProfileId, cancellationToken);
        var scope = scans.ScopeFor(pending.ScanMode, pending.Trigger, pending.FullScanRequested, history, now);
        var claimed = await db.Runs
            .Where(l => l.Id == runId && l.Status == MonitoringStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(l => l.Status, MonitoringStatus.Running)
                .SetProperty(l => l.StartedAt, now)
                .SetProperty(l => l.HeartbeatAt, now)
                .SetProperty(l => l.ScanWindowHours, scope.WindowHours)
                .SetProperty(l => l.ClaimToken, token), cancellationToken);
        if (claimed == 0)
        {
            return null;
        }

        var log = await db.Runs.AsNoTracking().SingleAsync(l => l.Id == runId, cancellationToken);
        Publish(MonitoringEventKind.Started, log, RunProgress.None, MonitoringStatus.Running);
        return new RunClaim(log.Id, log.ProfileId, token, log.Trigger, log.Attempt) { Scope = ScanScope.FromWindowHours(log.ScanWindowHours) };
    }

    /// <summary>Opens the page writes of a claimed run: one session (connection, prepared statements) for all its pages.</summary>
    public async Task<RunPages> OpenPagesAsync(RunClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var session = await postWriter.OpenRunAsync(new RunPageTarget(claim.LogId, claim.Token, claim.ProfileId), cancellationToken);
        return new RunPages(this, claim, session, time);
    }

    /// <summary>
    /// Writes one page of the run in one transaction: the run's progress and heartbeat, conditional on the claim (on
    /// PostgreSQL this also locks the row against the reaper until the page commits), then the posts. A run writing many
    /// pages holds one <see cref="OpenPagesAsync"/> instead.
    /// </summary>
    /// <returns>False when the run is no longer this delivery's: nothing was written.</returns>
    public async Task<bool> RecordPageAsync(RunClaim claim, IReadOnlyList<PostSnapshot> posts, DateTime observedAt, RunProgress progress, CancellationToken cancellationToken)
    {
        await using var pages = await OpenPagesAsync(claim, cancellationToken);
        return await pages.RecordAsync(posts, observedAt, progress, cancellationToken);
    }

    /// <summary>Refreshes the heartbeat of a run between pages (a slow upstream call must not look like a dead process).</summary>
    /// <returns>False when the run is no longer this delivery's.</returns>
    public async Task<bool> HeartbeatAsync(RunClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await OwnedBy(db, claim).ExecuteUpdateAsync(s => s.SetProperty(l => l.HeartbeatAt, now), cancellationToken) > 0;
    }

    public static Task<MonitoringRun?> FindActiveAsync(MonitorDbContext db, Guid profileId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Runs.AsNoTracking()
            .Where(l => l.ProfileId == profileId && (l.Status == MonitoringStatus.Pending || l.Status == MonitoringStatus.Running))
            .OrderByDescending(l => l.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    private static IQueryable<MonitoringRun> OwnedBy(MonitorDbContext db, RunClaim claim) =>
        db.Runs.Where(l => l.Id == claim.LogId && l.Status == MonitoringStatus.Running && l.ClaimToken == claim.Token);

    private static MonitoringRun NewPendingLog(Guid profileId, MonitoringTrigger trigger, int attempt, DateTime now, DateTime scheduledFor) => new()
    {
        ProfileId = profileId,
        Trigger = trigger,
        Attempt = attempt,
        Status = MonitoringStatus.Pending,
        CreatedAt = now,
        ScheduledFor = scheduledFor,
    };

    private void Publish(MonitoringEventKind kind, MonitoringRun log, RunProgress progress, MonitoringStatus status = MonitoringStatus.Pending) =>
        events.Publish(new MonitoringEvent(kind, log.ProfileId, log.Id, log.Trigger, log.Attempt, progress.Pages, progress.Posts,
            time.GetUtcNow().UtcDateTime, Status: status, RequestsMade: progress.Requests));

    internal void PublishPage(RunClaim claim, RunProgress progress) =>
        Publish(MonitoringEventKind.PageCompleted, claim, progress, MonitoringStatus.Running);

    private void Publish(MonitoringEventKind kind, RunClaim claim, RunProgress progress, MonitoringStatus status) =>
        events.Publish(new MonitoringEvent(kind, claim.ProfileId, claim.LogId, claim.Trigger, claim.Attempt, progress.Pages, progress.Posts,
            time.GetUtcNow().UtcDateTime, Status: status, RequestsMade: progress.Requests));
}
