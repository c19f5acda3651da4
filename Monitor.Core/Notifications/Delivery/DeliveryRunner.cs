using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Monitor.Core.Data;

namespace Monitor.Core.Notifications.Delivery;

/// <summary>Sends the due deliveries this node could claim and records each outcome (sent, retried later, or failed).</summary>
public sealed class DeliveryRunner(
    IDbContextFactory<MonitorDbContext> contextFactory,
    DeliveryQueue queue,
    ChannelSender sender,
    ILogger<DeliveryRunner> logger)
{
    private const int BatchSize = 20;

    /// <returns>How many deliveries were attempted.</returns>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var claimed = await queue.ClaimDueAsync(BatchSize, cancellationToken);
        foreach (var (delivery, token) in claimed)
        {
            await SendAsync(delivery, token, cancellationToken);
        }

        return claimed.Count;
    }

    /// <summary>Sends one claimed delivery; never throws for the receiver's failure, only for the database's or a stop.</summary>
    public async Task<(bool Sent, string? Error)> SendAsync(NotificationDelivery delivery, Guid token, CancellationToken cancellationToken, bool retry = true)
    {
        NotificationChannel? channel;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            channel = await db.NotificationChannels.AsNoTracking().SingleOrDefaultAsync(c => c.Id == delivery.ChannelId, cancellationToken);
        }

        if (channel is null || (!channel.Enabled && delivery.Kind != NotificationKind.Test))
        {
            var reason = channel is null ? "The channel was deleted." : "The channel is disabled.";
            await queue.MarkFailedAsync(delivery.Id, token, delivery.Attempts, reason, retry: false, cancellationToken);
            return (false, reason);
        }

        var message = new NotificationMessage(delivery.Kind, delivery.ProfileId, delivery.Handle, delivery.Subject, delivery.Text, delivery.Url);
        try
        {
            await sender.SendAsync(channel, message, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            var error = SafeError(ex, channel);
            var status = await queue.MarkFailedAsync(delivery.Id, token, delivery.Attempts, error, retry, cancellationToken);
            logger.LogWarning("Notification {DeliveryId} to channel {Channel} failed (attempt {Attempt}, now {Status}): {Error}",
                delivery.Id, channel.Name, delivery.Attempts, status, error);
            return (false, error);
        }

        await queue.MarkSentAsync(delivery.Id, token, cancellationToken);
        logger.LogInformation("Notification {DeliveryId} ({Kind}) sent to channel {Channel}", delivery.Id, delivery.Kind, channel.Name);
        return (true, null);
    }

    /// <summary>The failure in words, never with the webhook's URL (a secret) in it.</summary>
    private static string SafeError(Exception ex, NotificationChannel channel)
    {
        var text = ex is NotificationSendException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
        if (ex.InnerException is { } inner && ex is not NotificationSendException)
        {
            text += $" ({inner.Message})";
        }

        if (channel.Kind == NotificationChannelKind.Webhook)
        {
            text = System.Text.RegularExpressions.Regex.Replace(text, @"https?://\S+", $"https://{channel.WebhookHost}/••••••");
        }

        return text;
    }
}
