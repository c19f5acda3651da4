using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Workspaces;

namespace Monitor.Core.Reports;

/// <summary>
/// A workspace that stops watching a profile stops sending reports about it: its reports on that profile are disabled,
/// not deleted, so their recipients, schedule and sent PDFs stay (a delete would take the PDFs with it) and re-linking
/// the profile needs one switch to resume. The schedule sends only enabled reports; another workspace's stay as they are.
/// </summary>
internal sealed class ReportUnlinkStep(TimeProvider time) : IWorkspaceUnlinkStep
{
    public Task RunAsync(MonitorDbContext db, Guid workspaceId, Guid profileId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.Set<ReportDefinition>().IgnoreQueryFilters()
            .Where(d => d.WorkspaceId == workspaceId && d.ProfileId == profileId && d.Enabled)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.Enabled, false).SetProperty(d => d.UpdatedAt, now), cancellationToken);
    }
}
