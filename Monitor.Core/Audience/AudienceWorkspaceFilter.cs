using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Workspaces;

namespace Monitor.Core.Audience;

/// <summary>A restricted context sees the account history of its workspaces' profiles.</summary>
internal sealed class AudienceWorkspaceFilter : IScopedQueryFilter
{
    public void Apply(ModelBuilder builder, MonitorDbContext db)
    {
        builder.Entity<ProfileAccountSnapshot>().HasQueryFilter(WorkspaceFilters.ByProfile<ProfileAccountSnapshot>(db, s => s.ProfileId));
    }
}
