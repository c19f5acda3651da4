using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Monitor.Core.Audience;
using Monitor.Core.Data;
using Monitor.Core.LiveEvents;
using Monitor.Core.Metrics;
using Monitor.Core.Notifications;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;

namespace Monitor.Core.Dispatch;

/// <summary>The ends of a run: completed, failed, interrupted (by its own delivery, by recovery or by the reaper).</summary>
public sealed partial class RunLifecycle
{
    /// <summary>
    /// Closes the run as completed in one transaction: its quality checked (a suspect run is marked and the posts it
    /// wrote put back to trusted values, see <see cref="RunQualityCheck"/>), the totals recomputed from the posts, a
    /// totals snapshot for the charts, the schedule moved on and the account state cleared.
    /// </summary>
    /// <returns>The profile's totals, or null when the run is no longer this delivery's (nothing was written).</returns>
    public Task<ProfileTotals?> CompleteAsync(RunClaim claim, RunProgress progress, CancellationToken cancellationToken) =>
        CompleteAsync(claim, progress, null, cancellationToken);

    /// <param name="account">The account's counters observed by the run, written with the close (see <see cref="AccountHistoryWriter"/>).</param>
    public async Task<ProfileTotals?> CompleteAsync(RunClaim claim, RunProgress progress, AccountObservation? account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(progress);
        var now = time.GetUtcNow().UtcDateTime;
        ProfileTotals totals;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            // Plain statements (DirectSql): EF's work around each of these small ones cost more CPU than the database did.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var closed = await DirectSql.FirstAsync(db, CompletedSql,
                [now, progress.Pages, progress.Posts, progress.Requests, progress.Note, claim.LogId, claim.Token],
                reader => new ClosedRun(DirectSql.UtcOrNull(reader, 0)), cancellationToken);
            if (closed is null)
            {
                return null;
            }

            var suspect = await quality.ApplyAsync(db, claim, progress, closed.StartedAt, cancellationToken);
            if (suspect is not null)
            {
                logger.LogWarning("Run {LogId} is suspect ({Reason}: {Observed} against {Baseline}); its values wait for the next run to confirm them",
                    claim.LogId, suspect.Reason, suspect.Observed, suspect.Baseline);
            }

            totals = await ProfileTotalsCalculator.RecomputeAsync(db, claim.ProfileId, now, qualityOptions.Value.UnseenAfterFullScans, cancellationToken);
            // The totals snapshot for the charts and the outcome for the alerts, in one round trip.
            await DirectSql.ExecuteAsync(db, CompletedRecordsSql,
                [claim.ProfileId, claim.LogId, now, totals.Posts, .. PostMetrics.All.Select(m => (object?)totals.Metrics[m])], cancellationToken);
            if (account is not null)
            {
                await AccountHistoryWriter.RecordAsync(db, claim.ProfileId, claim.LogId, account, now, cancellationToken);
            }

            await schedule.RunClosedAsync(db, claim.ProfileId, now, AccountState.Active, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        events.Publish(new MonitoringEvent(MonitoringEventKind.Completed, claim.ProfileId, claim.LogId, claim.Trigger, claim.Attempt,
            progress.Pages, progress.Posts, now, Totals: totals, Status: MonitoringStatus.Completed, RequestsMade: progress.Requests));
        return totals;
    }

    /// <summary>Closes the run as failed; see <see cref="CloseUnsuccessfulAsync"/>.</summary>
    /// <returns>What follows, or null when the run is no longer this delivery's.</returns>
    public Task<RetryDecision?> FailAsync(RunClaim claim, RunProgress progress, RunFailure failure, CancellationToken cancellationToken) =>
        FailAsync(claim, progress, failure, null, cancellationToken);

    /// <param name="account">Account counters the run's pages carried before it failed, recorded with the close.</param>
    public Task<RetryDecision?> FailAsync(RunClaim claim, RunProgress progress, RunFailure failure, AccountObservation? account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return CloseUnsuccessfulAsync(claim.LogId, claim.Token, MonitoringStatus.Failed, progress, failure, staleBefore: null, account, cancellationToken);
    }

    /// <summary>Closes the run as interrupted by its own delivery (a graceful stop) and queues its next attempt.</summary>
    public Task<RetryDecision?> InterruptAsync(RunClaim claim, RunProgress progress, RunFailure reason, CancellationToken cancellationToken) =>
        InterruptAsync(claim, progress, reason, null, cancellationToken);

    public Task<RetryDecision?> InterruptAsync(RunClaim claim, RunProgress progress, RunFailure reason, AccountObservation? account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return CloseUnsuccessfulAsync(claim.LogId, claim.Token, MonitoringStatus.Interrupted, progress, reason, staleBefore: null, account, cancellationToken);
    }

    /// <summary>
    /// Closes a run whose delivery is gone (its process died, or a restart found it running) as interrupted and queues
    /// its next attempt. <paramref name="claimToken"/> is the token read with the row, so a run claimed again since is left alone.
    /// </summary>
    public Task<RetryDecision?> InterruptOrphanAsync(long runId, Guid? claimToken, string message, CancellationToken cancellationToken) =>
        CloseUnsuccessfulAsync(runId, claimToken, MonitoringStatus.Interrupted, null, new RunFailure(RunFailureReason.Abandoned, message), null, null, cancellationToken);

    /// <summary>The reaper: every running run whose heartbeat is older than <c>Monitoring:StaleRunAfter</c> is interrupted and retried.</summary>
    /// <returns>How many runs were reaped.</returns>
    public async Task<int> ReapAsync(CancellationToken cancellationToken)
    {
        var staleAfter = options.Value.StaleRunAfter;
        var staleBefore = time.GetUtcNow().UtcDateTime - staleAfter;
        List<(long Id, Guid? Token)> stale;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            stale = [.. (await db.Runs.AsNoTracking()
                .Where(l => l.Status == MonitoringStatus.Running && (l.HeartbeatAt ?? l.StartedAt) < staleBefore)
                .Select(l => new { l.Id, l.ClaimToken })
                .ToListAsync(cancellationToken)).Select(l => (l.Id, l.ClaimToken))];
        }

        var reaped = 0;
        foreach (var (id, token) in stale)
        {
            var message = $"Interrupted: no heartbeat for more than {staleAfter.TotalSeconds:0} s (Monitoring:StaleRunAfter); its process died or could not write.";
            if (await CloseUnsuccessfulAsync(id, token, MonitoringStatus.Interrupted, null,
                    new RunFailure(RunFailureReason.Abandoned, message), staleBefore, null, cancellationToken) is not null)
            {
                reaped++;
                logger.LogWarning("Run {LogId} had no heartbeat since before {StaleBefore:O}: interrupted and queued again", id, staleBefore);
            }
        }

        return reaped;
    }

    /// <summary>
    /// One transaction: the run closed (conditional on running, its claim token and, for the reaper, a stale heartbeat),
    /// the totals recomputed when it wrote pages, the schedule moved on, an account state stored (pausing monitoring),
    /// and the next attempt inserted when the retry policy says so (the row is its place in the queue). The event follows.
    /// </summary>
    private async Task<RetryDecision?> CloseUnsuccessfulAsync(long runId, Guid? claimToken, MonitoringStatus status, RunProgress? progress,
        RunFailure failure, DateTime? staleBefore, AccountObservation? account, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var accountState = RunFailures.AccountStateOf(failure.Reason);
        MonitoringRun log;
        MonitoringRun? next = null;
        ProfileTotals? totals = null;
        RetryPlan plan;
        RunProgress written;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            db.Database.AutoSavepointsEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var owned = db.Runs.Where(l => l.Id == runId && l.Status == MonitoringStatus.Running && l.ClaimToken == claimToken);
            if (staleBefore is { } before)
            {
                owned = owned.Where(l => (l.HeartbeatAt ?? l.StartedAt) < before);
            }

            var found = await owned.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
            var profile = found is null ? null : await db.Profiles.AsNoTracking()
                .Where(p => p.Id == found.ProfileId)
                .Select(p => new { p.MonitoringEnabled, p.Handle })
                .SingleOrDefaultAsync(cancellationToken);
            if (found is null || profile is null)
            {
                return null;
            }

            log = found;
            written = progress ?? new RunProgress(log.PagesScraped, log.PostsScraped, log.RequestsMade, log.Note);
            var settings = options.Value;
            plan = RetryPolicy.Decide(status, failure.Reason, log.Attempt, log.Trigger, profile.MonitoringEnabled && accountState is null,
                settings.MaxAttempts, settings.RetryBaseDelay);
            var closed = await owned.ExecuteUpdateAsync(s => s
                .SetProperty(l => l.Status, status)
                .SetProperty(l => l.CompletedAt, now)
                .SetProperty(l => l.PagesScraped, written.Pages)
                .SetProperty(l => l.PostsScraped, written.Posts)
                .SetProperty(l => l.RequestsMade, written.Requests)
                .SetProperty(l => l.Note, written.Note)
                .SetProperty(l => l.Error, RunFailures.Truncate(failure.Message))
                .SetProperty(l => l.FailureReason, failure.Reason)
                .SetProperty(l => l.RetryDecision, plan.Decision), cancellationToken);
            if (closed == 0)
            {
                return null;
            }

            if (written.Pages > 0)
            {
                // Pages already written changed the posts: the totals must keep matching them, failure or not.
                totals = await ProfileTotalsCalculator.RecomputeAsync(db, log.ProfileId, now, qualityOptions.Value.UnseenAfterFullScans, cancellationToken);
            }

            await schedule.RunClosedAsync(db, log.ProfileId, now, accountState, cancellationToken);
            if (account is not null)
            {
                await AccountHistoryWriter.RecordAsync(db, log.ProfileId, log.Id, account, now, cancellationToken);
            }

            if (plan.Retries)
            {
                next = NewPendingLog(log.ProfileId, log.Trigger, log.Attempt + 1, now, now + plan.Delay);
                next.FullScanRequested = log.FullScanRequested;
                db.Runs.Add(next);
            }
            else if (plan.Decision is RetryDecision.GaveUp or RetryDecision.NotRetryable)
            {
                db.RunNotificationEvents.Add(RunOutcomeNotifications.FinallyFailed(log.ProfileId, log.Id, now, failure.Message));
            }

            await db.SaveChangesAsync(cancellationToken);

            await transaction.CommitAsync(cancellationToken);
            if (accountState is { } state)
            {
                logger.LogWarning("@{Handle} is {State} at TikTok: run {LogId} failed and monitoring is paused", profile.Handle, state, log.Id);
            }
        }

        events.Publish(new MonitoringEvent(status == MonitoringStatus.Failed ? MonitoringEventKind.Failed : MonitoringEventKind.Interrupted,
            log.ProfileId, log.Id, log.Trigger, log.Attempt, written.Pages, written.Posts, now, failure.Message, totals, status,
            written.Requests, failure.Reason, plan.Decision, accountState));
        if (next is not null)
        {
            QueueNextAttempt(log, next, failure.Reason);
        }

        return plan.Decision;
    }

    private void QueueNextAttempt(MonitoringRun log, MonitoringRun next, RunFailureReason reason)
    {
        logger.LogInformation("Run {LogId} ended ({Reason}); attempt {Attempt} queued as {NextId} for {At:O}",
            log.Id, reason, next.Attempt, next.Id, next.ScheduledFor);
        events.Publish(new MonitoringEvent(MonitoringEventKind.Queued, next.ProfileId, next.Id, next.Trigger, next.Attempt, 0, 0,
            time.GetUtcNow().UtcDateTime, Status: MonitoringStatus.Pending));
        queue.Wake();
    }

    // Conditional on the claim, as OwnedBy; the run's start comes back for its quality check.
    private const string CompletedSql = """
        UPDATE profile_monitoring_logs
        SET status = 'completed', completed_at = @p0, heartbeat_at = @p0, pages_scraped = @p1, posts_scraped = @p2, requests_made = @p3, note = @p4
        WHERE id = @p5 AND status = 'running' AND claim_token = @p6
        RETURNING started_at
        """;

    // @p0 the profile, @p1 the run, @p2 the close's time, @p3 the posts counted, then the totals in the order of PostMetrics.All.
    private static readonly string CompletedRecordsSql = $"""
        INSERT INTO profile_metrics_history (profile_id, monitoring_log_id, recorded_at, total_posts, {MetricSql.TotalColumns()})
        VALUES (@p0, @p1, @p2, @p3, {string.Join(", ", PostMetrics.All.Select((_, i) => $"@p{i + 4}"))});
        {RunOutcomeNotifications.InsertCompleted}
        """;

    private sealed record ClosedRun(DateTime? StartedAt);
}
