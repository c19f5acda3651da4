using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Notifications.Delivery;
using Monitor.Core.Notifications.Policies;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;

namespace Monitor.Core.Notifications.Alerts;

/// <summary>
/// Turns the run outcomes the runs left in the outbox into messages: the failure streak (failed / recovered) and, after
/// a completed run, growth and breakout alerts. Each event is handled in one transaction that first marks it
/// processed (conditionally), so a node that lost the race changes nothing and no event is handled twice.
/// </summary>
public sealed class RunEventProcessor(
    IDbContextFactory<MonitorDbContext> contextFactory,
    NotificationSettingsStore settingsStore,
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

        var settings = await settingsStore.GetAsync(db, cancellationToken);
        var state = await db.ProfileAlertStates.SingleOrDefaultAsync(s => s.ProfileId == outcome.ProfileId, cancellationToken);
        if (state is null)
        {
            state = new ProfileAlertState { ProfileId = outcome.ProfileId };
            db.ProfileAlertStates.Add(state);
        }

        var before = new FailureStreak(state.ConsecutiveFailures, state.FailureAlerted);
        var (after, alert) = FailureAlertPolicy.Apply(before, outcome.Succeeded, settings.FailuresBeforeAlert);
        state.ConsecutiveFailures = after.ConsecutiveFailures;
        state.FailureAlerted = after.Alerted;
        state.UpdatedAt = now;

        var messages = new List<NotificationMessage>();
        if (alert == FailureAlert.Failed)
        {
            messages.Add(NotificationMessageFormat.RunFailed(outcome.ProfileId, handle, after.ConsecutiveFailures, outcome.Error));
        }
        else if (alert == FailureAlert.Recovered)
        {
            messages.Add(NotificationMessageFormat.Recovered(outcome.ProfileId, handle, before.ConsecutiveFailures));
        }

        if (outcome.Succeeded)
        {
            var startedAt = await db.Runs.Where(l => l.Id == outcome.LogId).Select(l => l.StartedAt).SingleOrDefaultAsync(cancellationToken);
            messages.AddRange(await GrowthDetector.DetectAsync(db, outcome, startedAt ?? outcome.OccurredAt, handle, settings.ThresholdsFor(state), now, cancellationToken));
        }

        foreach (var message in messages)
        {
            await NotificationOutbox.AddAsync(db, message, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
