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
        var watching = await db.Set<WorkspaceProfile>().Where(l => l.ProfileId == profileId).Select(l => l.WorkspaceId).OrderBy(id => id)
            .ToListAsync(cancellationToken);
        return watching.Count > 0 ? watching : [WorkspaceDefaults.FirstId];
    }

    /// <summary>True when <paramref name="workspaceId"/>'s rules apply to the profile.</summary>
    public static async Task<bool> FollowsAsync(MonitorDbContext db, Guid workspaceId, Guid profileId, CancellationToken cancellationToken) =>
        (await WatchingAsync(db, profileId, cancellationToken)).Contains(workspaceId);
}
