using Monitor.Core.Notifications.Alerts;

namespace Monitor.Core.Notifications.Delivery;

/// <summary>One pass of the dispatcher: run outcomes into messages, the daily digest when due, then the due deliveries sent.</summary>
public sealed class NotificationWork(RunEventProcessor events, DailyDigest digest, DeliveryRunner deliveries)
{
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await events.ProcessPendingAsync(cancellationToken);
        await digest.SendIfDueAsync(cancellationToken);
        while (await deliveries.SendDueAsync(cancellationToken) > 0)
        {
            // Keep going while whole batches were due.
        }
    }
}
