using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Workspaces;

namespace Monitor.Core.Changes;

/// <summary>A restricted context sees the changes and notes of its workspaces' profiles.</summary>
internal sealed class ChangeWorkspaceFilter : IScopedQueryFilter
{
    public void Apply(ModelBuilder builder, MonitorDbContext db)
    {
        builder.Entity<ProfileChange>().HasQueryFilter(WorkspaceFilters.ByProfile<ProfileChange>(db, c => c.ProfileId));
        builder.Entity<ProfileAnnotation>().HasQueryFilter(WorkspaceFilters.ByProfile<ProfileAnnotation>(db, a => a.ProfileId));
    }
}
