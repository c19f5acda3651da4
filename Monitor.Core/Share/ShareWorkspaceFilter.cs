using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Workspaces;

namespace Monitor.Core.Share;

/// <summary>A restricted context sees its workspaces' share links.</summary>
internal sealed class ShareWorkspaceFilter : IScopedQueryFilter
{
    public void Apply(ModelBuilder builder, MonitorDbContext db)
    {
        builder.Entity<ShareLink>().HasQueryFilter(WorkspaceFilters.ByWorkspace<ShareLink>(db, l => l.WorkspaceId));
    }
}
