using Microsoft.EntityFrameworkCore;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Notifications.Channels;
using Monitor.Core.Profiles;
using Monitor.Core.Workspaces;

namespace Monitor.Core.Notifications.Delivery;

/// <summary>
/// The one way to send a notification: a delivery row per enabled channel that subscribes to the message's event (and
/// covers its profile), sent later by the dispatcher with retries. Other features raise alerts through
/// <see cref="EnqueueAsync(NotificationKind, Guid?, string, string, CancellationToken)"/>, e.g. a credit budget with
/// <see cref="NotificationKind.Budget"/>.
/// </summary>
public sealed class NotificationOutbox(IDbContextFactory<MonitorDbContext> contextFactory, TimeProvider time)
{
    /// <returns>How many deliveries were queued (0 when no channel wants this message).</returns>
    public async Task<int> EnqueueAsync(NotificationKind kind, Guid? profileId, string subject, string text, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var handle = profileId is { } id ? await db.Profiles.Where(p => p.Id == id).Select(p => p.Handle).SingleOrDefaultAsync(cancellationToken) : null;
        var message = new NotificationMessage(kind, handle is null ? null : profileId, handle, subject, text,
            handle is null ? null : NotificationMessage.ProfileUrl(handle));
        var queued = await AddAsync(db, message, null, time.GetUtcNow().UtcDateTime, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return queued;
    }

    /// <summary>An alert about one workspace (e.g. its own credit budget): only its channels that chose <paramref name="kind"/>'s event.</summary>
    /// <returns>How many deliveries were queued (0 when none of its channels wants this message).</returns>
    public async Task<int> EnqueueToWorkspaceAsync(NotificationKind kind, Guid workspaceId, string subject, string text, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var queued = await AddAsync(db, new NotificationMessage(kind, null, null, subject, text, null), workspaceId, time.GetUtcNow().UtcDateTime, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return queued;
    }

    /// <summary>
    /// Adds the deliveries to <paramref name="db"/> (the caller saves, in its own transaction): to the channels of
    /// <paramref name="workspaceId"/> when given (an alert by that workspace's rules), else of every workspace watching the profile.
    /// </summary>
    internal static async Task<int> AddAsync(MonitorDbContext db, NotificationMessage message, Guid? workspaceId, DateTime now,
        CancellationToken cancellationToken)
    {
        var wanted = ChannelNames.EventOf(message.Kind);
        var channels = await db.NotificationChannels.AsNoTracking()
            .Where(c => c.Enabled && (c.Events & wanted) != 0)
            .Where(c => workspaceId == null || c.WorkspaceId == workspaceId)
            .Where(c => message.ProfileId == null || !c.Profiles.Any() || c.Profiles.Any(p => p.ProfileId == message.ProfileId))
            // A channel speaks for its workspace: a profile's alert reaches the channels of the workspaces watching it.
            // (A profile no workspace watches, which only a bare database holds, alerts every channel as before workspaces.)
            .Where(c => message.ProfileId == null
                || !db.Set<WorkspaceProfile>().Any(l => l.ProfileId == message.ProfileId)
                || db.Set<WorkspaceProfile>().Any(l => l.ProfileId == message.ProfileId && l.WorkspaceId == c.WorkspaceId))
            .Select(c => new { c.Id, c.Name })
            .ToListAsync(cancellationToken);
        foreach (var channel in channels)
        {
            db.NotificationDeliveries.Add(NewDelivery(channel.Id, channel.Name, message, now));
        }

        return channels.Count;
    }

    internal static NotificationDelivery NewDelivery(Guid channelId, string channelName, NotificationMessage message, DateTime now) => new()
    {
        ChannelId = channelId,
        ChannelName = channelName,
        Kind = message.Kind,
        ProfileId = message.ProfileId,
        Handle = message.Handle,
        Url = Cap(message.Url, NotificationLimits.UrlLength),
        Subject = Cap(message.Subject, NotificationLimits.SubjectLength)!,
        Text = Cap(message.Text, NotificationLimits.TextLength)!,
        Status = DeliveryStatus.Pending,
        NextAttemptAt = now,
        CreatedAt = now,
    };

    private static string? Cap(string? value, int length) => value is null ? null : FieldLimits.Cut(value, length, marked: true);
}
