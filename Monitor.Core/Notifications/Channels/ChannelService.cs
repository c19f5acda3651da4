using Microsoft.EntityFrameworkCore;
using Monitor.Core.Audit;
using Monitor.Core.Data;
using Monitor.Core.Profiles;
using Monitor.Core.Workspaces;

namespace Monitor.Core.Notifications.Channels;

/// <summary>Lists, creates, updates and deletes notification channels; the page and the API both call it.</summary>
public sealed class ChannelService(IDbContextFactory<MonitorDbContext> contextFactory, NotificationSecrets secrets, AuditTrail audit, WorkspaceScopeAccessor workspaces, TimeProvider time)
{
    public async Task<IReadOnlyList<ChannelView>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var channels = await db.NotificationChannels.AsNoTracking().Include(c => c.Profiles).OrderBy(c => c.Name).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken);
        return [.. channels.Select(ChannelView.Of)];
    }

    /// <summary>Every profile's id and handle, for the "limit to profiles" choice.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Handle)>> ProfileChoicesAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var profiles = await db.Profiles.AsNoTracking().OrderBy(p => p.Handle).Select(p => new { p.Id, p.Handle }).ToListAsync(cancellationToken);
        return [.. profiles.Select(p => (p.Id, p.Handle))];
    }

    public async Task<ChannelView?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var channel = await db.NotificationChannels.AsNoTracking().Include(c => c.Profiles).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return channel is null ? null : ChannelView.Of(channel);
    }

    public async Task<ChannelChange> CreateAsync(ChannelInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var now = time.GetUtcNow().UtcDateTime;
        var channel = new NotificationChannel { Name = "", WorkspaceId = workspaces.Effective.TargetWorkspaceId, CreatedAt = now, UpdatedAt = now };
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var errors = new ChannelValidator(secrets).Apply(input, channel, creating: true);
        await ApplyProfilesAsync(db, input, channel, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return new ChannelChange(null, errors);
        }

        db.NotificationChannels.Add(channel);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditActions.ChannelCreated, AuditTarget.Channel(channel.Id, channel.Name), AuditChange.Added(Audited(channel)), cancellationToken);
        return new ChannelChange(ChannelView.Of(channel), errors);
    }

    /// <returns>Null when there is no such channel.</returns>
    public async Task<ChannelChange?> UpdateAsync(Guid id, ChannelInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var channel = await db.NotificationChannels.Include(c => c.Profiles).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (channel is null)
        {
            return null;
        }

        var before = Audited(channel);
        var errors = new ChannelValidator(secrets).Apply(input, channel, creating: false);
        await ApplyProfilesAsync(db, input, channel, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return new ChannelChange(null, errors);
        }

        channel.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditActions.ChannelChanged, AuditTarget.Channel(channel.Id, channel.Name), AuditChange.Between(before, Audited(channel)), cancellationToken);
        return new ChannelChange(ChannelView.Of(channel), errors);
    }

    /// <returns>False when there was no such channel. Its deliveries stay in the log.</returns>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var channel = await db.NotificationChannels.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (channel is null)
        {
            return false;
        }

        // Pending messages to a deleted channel could never be sent: they end as failed, visibly, rather than vanish.
        await db.NotificationDeliveries.Where(d => d.ChannelId == id && (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Sending))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Failed).SetProperty(d => d.LastError, "The channel was deleted."), cancellationToken);
        db.NotificationChannels.Remove(channel);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditActions.ChannelDeleted, AuditTarget.Channel(channel.Id, channel.Name), AuditChange.Removed(new { channel.Name }), cancellationToken);
        return true;
    }

    /// <summary>
    /// The channel's settings as the audit log keeps them: the view (which never holds a secret) and the encrypted secret
    /// under a name the log masks, so a changed password or webhook URL shows as changed and nothing more.
    /// </summary>
    private static object Audited(NotificationChannel channel)
    {
        var view = ChannelView.Of(channel);
        return new
        {
            view.Name,
            view.Kind,
            view.Enabled,
            view.Events,
            view.ProfileIds,
            view.SmtpHost,
            view.SmtpPort,
            view.SmtpTls,
            view.SmtpUser,
            view.From,
            view.To,
            view.WebhookTarget,
            Secret = channel.ProtectedSecret,
        };
    }

    private static async Task ApplyProfilesAsync(MonitorDbContext db, ChannelInput input, NotificationChannel channel,
        Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        if (input.ProfileIds is null)
        {
            return;
        }

        var wanted = input.ProfileIds.Distinct().ToList();
        var known = await db.Profiles.Where(p => wanted.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        var unknown = wanted.Except(known).ToList();
        if (unknown.Count > 0)
        {
            errors["profileIds"] = [$"No profile with id {string.Join(", ", unknown)}."];
            return;
        }

        channel.Profiles.RemoveAll(p => !wanted.Contains(p.ProfileId));
        foreach (var id in wanted.Where(id => channel.Profiles.All(p => p.ProfileId != id)))
        {
            channel.Profiles.Add(new NotificationChannelProfile { ChannelId = channel.Id, ProfileId = id });
        }
    }
}
