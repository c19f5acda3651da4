using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Profiles;

namespace Monitor.Core.Workspaces;

/// <summary>A restricted context sees the profiles one of its workspaces links, those workspaces and their members.</summary>
internal sealed class ProfileWorkspaceFilter : IScopedQueryFilter
{
    public void Apply(ModelBuilder builder, MonitorDbContext db)
    {
        builder.Entity<TiktokProfile>().HasQueryFilter(p =>
            db.Set<WorkspaceProfile>().Any(l => l.ProfileId == p.Id && db.RestrictedToWorkspaceIds.Contains(l.WorkspaceId)));
        builder.Entity<WorkspaceProfile>().HasQueryFilter(l => db.RestrictedToWorkspaceIds.Contains(l.WorkspaceId));
        builder.Entity<WorkspaceMember>().HasQueryFilter(m => db.RestrictedToWorkspaceIds.Contains(m.WorkspaceId));
        builder.Entity<Workspace>().HasQueryFilter(w => db.RestrictedToWorkspaceIds.Contains(w.Id));
    }
}
