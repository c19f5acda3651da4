using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Reports;
using Monitor.Core.Workspaces;

namespace Monitor.Core.Share;

/// <summary>
/// A workspace that stops watching a profile stops showing it to outsiders: its live links to the profile's dashboard,
/// and to the sent reports of its reports on that profile, are revoked. Another workspace's links stay.
/// </summary>
internal sealed class ShareUnlinkStep(TimeProvider time) : IWorkspaceUnlinkStep
{
    public const string RevokedBy = "unlinking the profile from the workspace";

    public Task RunAsync(MonitorDbContext db, Guid workspaceId, Guid profileId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var sentAboutProfile = db.Set<SentReport>().IgnoreQueryFilters()
            .Where(s => db.Set<ReportDefinition>().IgnoreQueryFilters().Any(d => d.Id == s.DefinitionId && d.WorkspaceId == workspaceId && d.ProfileId == profileId))
            .Select(s => s.Id);
        return db.Set<ShareLink>().IgnoreQueryFilters()
            .Where(l => l.WorkspaceId == workspaceId && l.RevokedAt == null)
            .Where(l => (l.TargetKind == ShareTargetKind.Profile && l.TargetId == profileId)
                || (l.TargetKind == ShareTargetKind.Report && sentAboutProfile.Contains(l.TargetId)))
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.RevokedAt, now).SetProperty(l => l.RevokedBy, RevokedBy), cancellationToken);
    }
}
