namespace Monitor.Core.Workspaces;

/// <summary>A workspace as the caller sees it; <see cref="Role"/> is null for an instance admin who is not a member.</summary>
public sealed record WorkspaceView(Guid Id, string Name, DateTime CreatedAt, int? MonthlyCreditBudget, WorkspaceRole? Role, int ProfileCount, int MemberCount);
