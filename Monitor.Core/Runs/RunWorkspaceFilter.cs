using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Workspaces;

namespace Monitor.Core.Runs;

/// <summary>A restricted context sees the runs (and their outcome events) of its workspaces' profiles.</summary>
internal sealed class RunWorkspaceFilter : IScopedQueryFilter
{
    public void Apply(ModelBuilder builder, MonitorDbContext db)
    {
        builder.Entity<MonitoringRun>().HasQueryFilter(WorkspaceFilters.ByProfile<MonitoringRun>(db, r => r.ProfileId));
        builder.Entity<RunNotificationEvent>().HasQueryFilter(WorkspaceFilters.ByProfile<RunNotificationEvent>(db, e => e.ProfileId));
    }
}
