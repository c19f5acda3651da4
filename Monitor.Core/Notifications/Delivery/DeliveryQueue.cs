using Microsoft.EntityFrameworkCore;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Notifications.Policies;

namespace Monitor.Core.Notifications.Delivery;

/// <summary>
/// Owns a delivery row's life: claim (pending and due, or sending with a lapsed lease from a dead node) → sent, or
/// pending again after a backoff, or failed. Every write after the claim names the claim's token, so a node whose
/// lease lapsed cannot overwrite what another node did with the row since.
/// </summary>
public sealed class DeliveryQueue(IDbContextFactory<MonitorDbContext> contextFactory, TimeProvider time, Telemetry.MonitorInstruments instruments)
{
    /// <summary>How long a claim holds: longer than any send (Notifications:SendTimeout caps each).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public async Task<IReadOnlyList<(NotificationDelivery Delivery, Guid Token)>> ClaimDueAsync(int max, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var candidates = await Due(db, now).OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id).Select(d => d.Id).Take(max).ToListAsync(cancellationToken);
        var claimed = new List<(NotificationDelivery, Guid)>();
        foreach (var id in candidates)
        {
            var token = Guid.NewGuid();
            var updated = await Due(db, now).Where(d => d.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, DeliveryStatus.Sending)
                .SetProperty(d => d.ClaimToken, token)
                .SetProperty(d => d.ClaimedUntil, now + Lease)
                .SetProperty(d => d.Attempts, d => d.Attempts + 1), cancellationToken);
            if (updated == 1)
            {
                claimed.Add((await db.NotificationDeliveries.AsNoTracking().SingleAsync(d => d.Id == id, cancellationToken), token));
            }
        }

        return claimed;
    }

    public async Task MarkSentAsync(long id, Guid token, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await Owned(db, id, token).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, DeliveryStatus.Sent)
            .SetProperty(d => d.SentAt, now)
            .SetProperty(d => d.ClaimToken, (Guid?)null)
            .SetProperty(d => d.ClaimedUntil, (DateTime?)null), cancellationToken);
        instruments.NotificationDelivery("sent");
    }

    /// <param name="retry">False for a failure no later attempt can fix (a deleted or disabled channel, a test).</param>
    public async Task<DeliveryStatus> MarkFailedAsync(long id, Guid token, int attempts, string error, bool retry, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var delay = retry ? DeliveryBackoff.After(attempts) : null;
        var status = delay is null ? DeliveryStatus.Failed : DeliveryStatus.Pending;
        var message = FieldLimits.Cut(error, NotificationLimits.ErrorLength);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await Owned(db, id, token).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, status)
            .SetProperty(d => d.NextAttemptAt, now + (delay ?? TimeSpan.Zero))
            .SetProperty(d => d.LastError, message)
            .SetProperty(d => d.ClaimToken, (Guid?)null)
            .SetProperty(d => d.ClaimedUntil, (DateTime?)null), cancellationToken);
        instruments.NotificationDelivery(status == DeliveryStatus.Failed ? "failed" : "retry");
        return status;
    }

    private static IQueryable<NotificationDelivery> Due(MonitorDbContext db, DateTime now) => db.NotificationDeliveries.Where(d =>
        (d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now) || (d.Status == DeliveryStatus.Sending && d.ClaimedUntil < now));

    private static IQueryable<NotificationDelivery> Owned(MonitorDbContext db, long id, Guid token) =>
        db.NotificationDeliveries.Where(d => d.Id == id && d.Status == DeliveryStatus.Sending && d.ClaimToken == token);
}
