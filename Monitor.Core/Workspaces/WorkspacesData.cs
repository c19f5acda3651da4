using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;

namespace Monitor.Core.Workspaces;

/// <summary>This feature's tables on the shared context; declared here, not on the context, so the data layer knows no feature.</summary>
public static class WorkspacesData
{
    extension(MonitorDbContext db)
    {
        public DbSet<Workspace> Workspaces => db.Set<Workspace>();
        public DbSet<WorkspaceMember> WorkspaceMembers => db.Set<WorkspaceMember>();
        public DbSet<WorkspaceProfile> WorkspaceProfiles => db.Set<WorkspaceProfile>();
    }
}
