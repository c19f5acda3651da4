using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Workspaces;

namespace Monitor.Core.Credits;

/// <summary>A restricted context sees the charges of its workspaces' profiles (instance-wide charges are the instance admin's).</summary>
internal sealed class CreditWorkspaceFilter : IScopedQueryFilter
{
    public void Apply(ModelBuilder builder, MonitorDbContext db)
    {
        builder.Entity<CreditLedgerEntry>().HasQueryFilter(e => e.ProfileId != null
            && db.Set<WorkspaceProfile>().Any(l => l.ProfileId == e.ProfileId && db.RestrictedToWorkspaceIds.Contains(l.WorkspaceId)));
    }
}
