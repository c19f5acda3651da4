namespace Monitor.Core.Workspaces;

/// <summary>What a member may do in a workspace; each role includes the ones below it.</summary>
public enum WorkspaceRole
{
    Viewer = 0,
    Editor = 1,
    Admin = 2,
}
