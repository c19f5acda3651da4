using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Workspaces;

namespace Monitor.Core.Notifications.Alerts;

/// <summary>
/// Whose rules a profile's alerts follow: each workspace that watches it, by that workspace's rules and to its channels.
/// A profile no workspace watches (only a bare database holds one) follows the first workspace's rules and, as before
/// workspaces, alerts every channel.
/// </summary>
internal static class AlertWorkspaces
{
    public static async Task<IReadOnlyList<Guid>> WatchingAsync(MonitorDbContext db, Guid profileId, CancellationToken cancellationToken)
    {
        var watching = await db.Set<WorkspaceProfile>().Where(l => l.ProfileId == profileId).Select(l => l.WorkspaceId)
            .ToListAsync(cancellationToken);
        return Following(watching);
    }

    /// <summary>The workspaces whose rules apply, in id order, from the ones that watch the profile (the first workspace when none does).</summary>
    public static IReadOnlyList<Guid> Following(IEnumerable<Guid> watching)
    {
        List<Guid> ids = [.. watching.Order()];
        return ids.Count > 0 ? ids : [WorkspaceDefaults.FirstId];
    }

    /// <summary>The workspace whose channels get a following workspace's alert, or null for every channel (a profile nobody watches).</summary>
    public static Guid? ChannelsOf(Guid workspaceId, bool watched) => watched ? workspaceId : null;

    /// <summary>True when <paramref name="workspaceId"/>'s rules apply to the profile.</summary>
    public static async Task<bool> FollowsAsync(MonitorDbContext db, Guid workspaceId, Guid profileId, CancellationToken cancellationToken) =>
        (await WatchingAsync(db, profileId, cancellationToken)).Contains(workspaceId);
}
