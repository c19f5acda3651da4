using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Notifications.Delivery;
using Monitor.Core.Notifications.Policies;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;

namespace Monitor.Core.Notifications.Alerts;

/// <summary>
/// Turns the run outcomes the runs left in the outbox into messages, for each workspace watching the profile by that
/// workspace's rules and to its channels only: the failure streak (failed / recovered) and, after a completed run, growth
/// and breakout alerts. Each event is handled in one transaction that first marks it
/// processed (conditionally), so a node that lost the race changes nothing and no event is handled twice.
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
        List<long> ids;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            ids = await db.RunNotificationEvents.Where(e => e.ProcessedAt == null).OrderBy(e => e.Id).Select(e => e.Id).Take(BatchSize)
                .ToListAsync(cancellationToken);
        }

        var handled = 0;
        foreach (var id in ids)
        {
            handled += await ProcessAsync(id, cancellationToken) ? 1 : 0;
        }

        return handled;
    }

    private async Task<bool> ProcessAsync(long id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var marked = await db.RunNotificationEvents.Where(e => e.Id == id && e.ProcessedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ProcessedAt, now), cancellationToken);
        var outcome = marked == 0 ? null : await db.RunNotificationEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        var handle = outcome is null ? null
            : await db.Profiles.Where(p => p.Id == outcome.ProfileId).Select(p => p.Handle).SingleOrDefaultAsync(cancellationToken);
        if (outcome is null || handle is null)
        {
            await transaction.CommitAsync(cancellationToken);
            return false;
        }

        var workspaceIds = await AlertWorkspaces.WatchingAsync(db, outcome.ProfileId, cancellationToken);
        var rules = await rulesService.InForceAsync(db, workspaceIds, cancellationToken);
        var states = await db.ProfileAlertStates.Where(s => s.ProfileId == outcome.ProfileId && workspaceIds.Contains(s.WorkspaceId))
            .ToDictionaryAsync(s => s.WorkspaceId, cancellationToken);
        var audiences = new List<AlertAudience>();
        foreach (var workspaceId in workspaceIds)
        {
            if (!states.TryGetValue(workspaceId, out var state))
            {
                state = new ProfileAlertState { WorkspaceId = workspaceId, ProfileId = outcome.ProfileId };
                db.ProfileAlertStates.Add(state);
            }

            var channels = await AlertWorkspaces.ChannelsOfAsync(db, workspaceId, outcome.ProfileId, cancellationToken);
            var before = new FailureStreak(state.ConsecutiveFailures, state.FailureAlerted);
            var (after, alert) = FailureAlertPolicy.Apply(before, outcome.Succeeded, rules[workspaceId].FailuresBeforeAlert);
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

            audiences.Add(new AlertAudience(workspaceId, channels, rules[workspaceId].ThresholdsFor(state)));
        }

        if (outcome.Succeeded)
        {
            var startedAt = await db.Runs.Where(l => l.Id == outcome.LogId).Select(l => l.StartedAt).SingleOrDefaultAsync(cancellationToken);
            foreach (var (channels, message) in await GrowthDetector.DetectAsync(db, outcome, startedAt ?? outcome.OccurredAt, handle, audiences, now, cancellationToken))
            {
                await NotificationOutbox.AddAsync(db, message, channels, now, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
