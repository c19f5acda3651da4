namespace Monitor.Core.Workspaces;

/// <summary>A user's role in one workspace (the user is Identity's <c>MonitorUser</c>).</summary>
public sealed class WorkspaceMember
{
    public Guid WorkspaceId { get; set; }
    public required string UserId { get; set; }
    public WorkspaceRole Role { get; set; }
}
