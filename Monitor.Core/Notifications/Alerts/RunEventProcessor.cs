using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Notifications.Delivery;
using Monitor.Core.Notifications.Policies;
using Monitor.Core.Runs;

namespace Monitor.Core.Notifications.Alerts;

/// <summary>
/// Turns the run outcomes the runs left in the outbox into messages, for each workspace watching the profile by that
/// workspace's rules and to its channels only: the failure streak (failed / recovered) and, after a completed run, growth
/// and breakout alerts. A pass handles a batch of events in one transaction that first marks them processed
/// (conditionally, in one statement), so a node that lost the race gets none of them and no event is handled twice;
/// what the events need (handles, watching workspaces, rules, streaks, channels) is read once for the batch.
/// </summary>
public sealed class RunEventProcessor(
    IDbContextFactory<MonitorDbContext> contextFactory,
    WorkspaceAlertRulesService rulesService,
    TimeProvider time)
{
    private const int BatchSize = 50;

    /// <returns>How many events were handled.</returns>
    public async Task<int> ProcessPendingAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // Nothing here catches a failed save to go on in the same transaction: no savepoint is needed.
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var outcomes = await ClaimAsync(db, now, cancellationToken);
        if (outcomes.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return 0;
        }

        var batch = await RunEventBatch.LoadAsync(db, outcomes, rulesService, cancellationToken);
        var handled = 0;
        foreach (var outcome in outcomes)
        {
            handled += await HandleAsync(db, batch, outcome, now, cancellationToken) ? 1 : 0;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return handled;
    }

    /// <summary>
    /// Marks the oldest unprocessed events processed and returns them, oldest first. Under PostgreSQL's row locks a
    /// concurrent pass waits for this one's commit, then finds them processed and leaves them out.
    /// </summary>
    private static async Task<List<RunNotificationEvent>> ClaimAsync(MonitorDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var claimed = await db.RunNotificationEvents.FromSqlInterpolated($"""
            UPDATE run_notification_events SET processed_at = {now}
            WHERE processed_at IS NULL
              AND id IN (SELECT id FROM run_notification_events WHERE processed_at IS NULL ORDER BY id LIMIT {BatchSize})
            RETURNING *
            """).IgnoreQueryFilters().AsNoTracking().ToListAsync(cancellationToken);
        return [.. claimed.OrderBy(e => e.Id)];
    }

    private static async Task<bool> HandleAsync(MonitorDbContext db, RunEventBatch batch, RunNotificationEvent outcome, DateTime now, CancellationToken cancellationToken)
    {
        if (batch.HandleOf(outcome.ProfileId) is not { } handle)
        {
            return false;
        }

        var audiences = new List<AlertAudience>();
        foreach (var workspaceId in batch.WatchingOf(outcome.ProfileId))
        {
            var state = batch.StateOf(db, workspaceId, outcome.ProfileId);
            var channels = batch.ChannelsOf(workspaceId, outcome.ProfileId);
            var rules = batch.Rules[workspaceId];
            var before = new FailureStreak(state.ConsecutiveFailures, state.FailureAlerted);
            var (after, alert) = FailureAlertPolicy.Apply(before, outcome.Succeeded, rules.FailuresBeforeAlert);
            state.ConsecutiveFailures = after.ConsecutiveFailures;
            state.FailureAlerted = after.Alerted;
            state.UpdatedAt = now;
            if (alert == FailureAlert.Failed)
            {
                await NotificationOutbox.AddAsync(db, NotificationMessageFormat.RunFailed(outcome.ProfileId, handle, after.ConsecutiveFailures, outcome.Error),
                    channels, now, cancellationToken);
            }
            else if (alert == FailureAlert.Recovered)
            {
                await NotificationOutbox.AddAsync(db, NotificationMessageFormat.Recovered(outcome.ProfileId, handle, before.ConsecutiveFailures), channels, now, cancellationToken);
            }

            audiences.Add(new AlertAudience(workspaceId, channels, rules.ThresholdsFor(state)));
        }

        if (outcome.Succeeded)
        {
            var startedAt = batch.StartedAtOf(outcome.LogId) ?? outcome.OccurredAt;
            foreach (var (channels, message) in await GrowthDetector.DetectAsync(db, outcome, startedAt, handle, audiences, batch.EnabledChannels, now, cancellationToken))
            {
                await NotificationOutbox.AddAsync(db, message, channels, now, cancellationToken);
            }
        }

        return true;
    }
}
