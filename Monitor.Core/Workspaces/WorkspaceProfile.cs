namespace Monitor.Core.Workspaces;

/// <summary>
/// A workspace watches a profile. The profile stays one row (one schedule, one set of runs and history) however many
/// workspaces watch it; this link says who does.
/// </summary>
public sealed class WorkspaceProfile
{
    public Guid WorkspaceId { get; set; }
    public Guid ProfileId { get; set; }
    public DateTime AddedAt { get; set; }
}
