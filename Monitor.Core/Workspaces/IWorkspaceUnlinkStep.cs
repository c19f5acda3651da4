using Monitor.Core.Data;

namespace Monitor.Core.Workspaces;

/// <summary>
/// What another feature undoes when a workspace stops watching a profile, inside the unlink's transaction (the
/// feature owns its rows; the workspace does not reach into them).
/// </summary>
public interface IWorkspaceUnlinkStep
{
    Task RunAsync(MonitorDbContext db, Guid workspaceId, Guid profileId, CancellationToken cancellationToken);
}
