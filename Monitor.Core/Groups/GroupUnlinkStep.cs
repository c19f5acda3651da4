using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Workspaces;

namespace Monitor.Core.Groups;

/// <summary>A group holds only its workspace's profiles: the workspace's groups let go of a profile it stops watching.</summary>
internal sealed class GroupUnlinkStep : IWorkspaceUnlinkStep
{
    public Task RunAsync(MonitorDbContext db, Guid workspaceId, Guid profileId, CancellationToken cancellationToken) =>
        db.ProfileGroupMembers.IgnoreQueryFilters()
            .Where(m => m.ProfileId == profileId && db.Set<ProfileGroup>().IgnoreQueryFilters().Any(g => g.Id == m.GroupId && g.WorkspaceId == workspaceId))
            .ExecuteDeleteAsync(cancellationToken);
}
