namespace Monitor.Core.Workspaces;

public sealed record WorkspaceMemberView(string UserId, string? UserName, WorkspaceRole Role);
