using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Workspaces;

namespace Monitor.Core.ApiKeys;

/// <summary>A restricted context sees its workspaces' keys.</summary>
internal sealed class ApiKeyWorkspaceFilter : IScopedQueryFilter
{
    public void Apply(ModelBuilder builder, MonitorDbContext db)
    {
        builder.Entity<ApiKey>().HasQueryFilter(WorkspaceFilters.ByWorkspace<ApiKey>(db, k => k.WorkspaceId));
    }
}
