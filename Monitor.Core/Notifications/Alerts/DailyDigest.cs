using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Notifications.Delivery;
using Monitor.Core.Profiles;
using Monitor.Core.Workspaces;

namespace Monitor.Core.Notifications.Alerts;

/// <summary>
/// Once a day, after <c>Notifications:DigestHour</c> in the reporting zone (<c>Monitoring:TimeZone</c>), the previous
/// day's digest goes to every channel that subscribes to it (each limited to its profiles). The day's row in
/// <c>notification_digest_days</c> is inserted in the same transaction as the deliveries: the first node wins, any
/// other gets a unique violation and sends nothing.
/// </summary>
public sealed class DailyDigest(
    IDbContextFactory<MonitorDbContext> contextFactory,
    ReportingTimeZone zone,
    IOptions<NotificationOptions> options,
    TimeProvider time)
{
    /// <returns>The day whose digest was queued now, or null when none was due (or another node queued it).</returns>
    public async Task<DateOnly?> SendIfDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (TimeZoneInfo.ConvertTimeFromUtc(now, zone.Zone).Hour < options.Value.DigestHour)
        {
            return null;
        }

        var day = zone.DayOf(now).AddDays(-1);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var channels = await db.NotificationChannels.AsNoTracking().Include(c => c.Profiles)
            .Where(c => c.Enabled && (c.Events & NotificationEvents.Digest) != 0).ToListAsync(cancellationToken);
        if (channels.Count == 0 || await db.NotificationDigestDays.AnyAsync(d => d.Day == day, cancellationToken))
        {
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.NotificationDigestDays.Add(new NotificationDigestDay { Day = day, SentAt = now });
        var lines = await DigestComposer.ProfileLinesAsync(db, zone.StartOf(day), zone.StartOf(day.AddDays(1)), cancellationToken);
        var links = await db.Set<WorkspaceProfile>().AsNoTracking().Select(l => new { l.WorkspaceId, l.ProfileId }).ToListAsync(cancellationToken);
        var watched = links.ToLookup(l => l.WorkspaceId, l => l.ProfileId);
        var anyWatcher = links.Select(l => l.ProfileId).ToHashSet();
        foreach (var channel in channels)
        {
            // A channel's digest covers the profiles its workspace watches (and of those, the ones it is limited to).
            var ofWorkspace = lines.Where(l => !anyWatcher.Contains(l.Key) || watched[channel.WorkspaceId].Contains(l.Key)).ToList();
            var mine = channel.Profiles.Count == 0
                ? ofWorkspace.Select(l => l.Value)
                : ofWorkspace.Where(l => channel.Profiles.Any(p => p.ProfileId == l.Key)).Select(l => l.Value);
            var text = $"Daily digest for {day:yyyy-MM-dd} ({zone.Id})\n\n" + (mine.Any() ? string.Join("\n", mine) : "No profile was monitored that day.");
            var message = new NotificationMessage(NotificationKind.Digest, null, null, $"Daily digest {day:yyyy-MM-dd}", text);
            db.NotificationDeliveries.Add(NotificationOutbox.NewDelivery(channel.Id, channel.Name, message, now));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            return null;
        }

        return day;
    }
}
