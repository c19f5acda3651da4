using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Workspaces;

namespace Monitor.Core.Reports;

/// <summary>A restricted context sees its workspaces' reports and what they sent.</summary>
internal sealed class ReportWorkspaceFilter : IScopedQueryFilter
{
    public void Apply(ModelBuilder builder, MonitorDbContext db)
    {
        builder.Entity<ReportDefinition>().HasQueryFilter(WorkspaceFilters.ByWorkspace<ReportDefinition>(db, d => d.WorkspaceId));
        builder.Entity<SentReport>().HasQueryFilter(s => db.Set<ReportDefinition>().Any(d => d.Id == s.DefinitionId && db.RestrictedToWorkspaceIds.Contains(d.WorkspaceId)));
    }
}
