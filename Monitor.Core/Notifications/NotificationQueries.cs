using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;

namespace Monitor.Core.Notifications;

/// <summary>The delivery log, newest first.</summary>
public sealed class NotificationQueries(IDbContextFactory<MonitorDbContext> contextFactory)
{
    public const int MaxLimit = 500;

    public async Task<IReadOnlyList<DeliveryView>> ListDeliveriesAsync(int limit, DeliveryStatus? status, Guid? channelId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.NotificationDeliveries.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(d => d.Status == s);
        }

        if (channelId is { } c)
        {
            query = query.Where(d => d.ChannelId == c);
        }

        var rows = await query.OrderByDescending(d => d.Id).Take(Math.Clamp(limit, 1, MaxLimit)).ToListAsync(cancellationToken);
        return [.. rows.Select(d => new DeliveryView(d.Id, d.ChannelId, d.ChannelName, d.Kind.ToString().ToLowerInvariant(), d.ProfileId, d.Handle,
            d.Subject, d.Text, d.Status.ToString().ToLowerInvariant(), d.Attempts, d.LastError, d.CreatedAt,
            d.Status == DeliveryStatus.Pending ? d.NextAttemptAt : null, d.SentAt))];
    }
}
