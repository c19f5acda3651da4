using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Workspaces;

namespace Monitor.Core.Groups;

/// <summary>A restricted context sees its workspaces' groups, and in them the members it may see.</summary>
internal sealed class GroupWorkspaceFilter : IScopedQueryFilter
{
    public void Apply(ModelBuilder builder, MonitorDbContext db)
    {
        builder.Entity<ProfileGroup>().HasQueryFilter(WorkspaceFilters.ByWorkspace<ProfileGroup>(db, g => g.WorkspaceId));
        builder.Entity<ProfileGroupMember>().HasQueryFilter(WorkspaceFilters.ByProfile<ProfileGroupMember>(db, m => m.ProfileId));
    }
}
