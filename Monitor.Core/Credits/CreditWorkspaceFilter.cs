using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Workspaces;

namespace Monitor.Core.Credits;

/// <summary>
/// A restricted context sees the charges attributed to its workspaces when they were written (not through today's
/// profile links: unlinking a profile keeps its past spend), and those workspaces' month totals. Instance-wide
/// charges and the instance total are the instance admin's.
/// </summary>
internal sealed class CreditWorkspaceFilter : IScopedQueryFilter
{
    public void Apply(ModelBuilder builder, MonitorDbContext db)
    {
        builder.Entity<CreditLedgerEntry>().HasQueryFilter(e =>
            db.Set<CreditLedgerWorkspace>().Any(a => a.EntryId == e.Id && db.RestrictedToWorkspaceIds.Contains(a.WorkspaceId)));
        builder.Entity<CreditLedgerWorkspace>().HasQueryFilter(WorkspaceFilters.ByWorkspace<CreditLedgerWorkspace>(db, a => a.WorkspaceId));
        builder.Entity<CreditMonthTotal>().HasQueryFilter(WorkspaceFilters.ByWorkspace<CreditMonthTotal>(db, t => t.WorkspaceId));
    }
}
