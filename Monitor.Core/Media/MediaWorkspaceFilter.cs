using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Workspaces;

namespace Monitor.Core.Media;

/// <summary>A restricted context sees the media references of its workspaces' profiles.</summary>
internal sealed class MediaWorkspaceFilter : IScopedQueryFilter
{
    public void Apply(ModelBuilder builder, MonitorDbContext db)
    {
        builder.Entity<MediaReference>().HasQueryFilter(WorkspaceFilters.ByProfile<MediaReference>(db, r => r.ProfileId));
    }
}
