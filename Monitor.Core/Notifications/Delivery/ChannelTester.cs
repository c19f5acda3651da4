using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;

namespace Monitor.Core.Notifications.Delivery;

/// <summary>
/// "Send test": a message to one channel, sent now and answered with the outcome. It goes through the delivery log
/// like any other (claimed by this call, so no dispatcher sends it too) and is never retried.
/// </summary>
public sealed class ChannelTester(IDbContextFactory<MonitorDbContext> contextFactory, DeliveryRunner runner, TimeProvider time)
{
    /// <returns>Null when there is no such channel.</returns>
    public async Task<ChannelTestResult?> SendTestAsync(Guid channelId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var token = Guid.NewGuid();
        NotificationDelivery delivery;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            var channel = await db.NotificationChannels.AsNoTracking().SingleOrDefaultAsync(c => c.Id == channelId, cancellationToken);
            if (channel is null)
            {
                return null;
            }

            var message = new NotificationMessage(NotificationKind.Test, null, null, "Test message from TikTok Profile Monitor",
                $"This is a test of the notification channel “{channel.Name}”. If you can read it, the channel works.");
            delivery = NotificationOutbox.NewDelivery(channel.Id, channel.Name, message, now);
            delivery.Status = DeliveryStatus.Sending;
            delivery.Attempts = 1;
            delivery.ClaimToken = token;
            delivery.ClaimedUntil = now + DeliveryQueue.Lease;
            db.NotificationDeliveries.Add(delivery);
            await db.SaveChangesAsync(cancellationToken);
        }

        var (sent, error) = await runner.SendAsync(delivery, token, cancellationToken, retry: false);
        return new ChannelTestResult(sent, error, delivery.Id);
    }
}
