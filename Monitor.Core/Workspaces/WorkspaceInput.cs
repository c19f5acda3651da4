namespace Monitor.Core.Workspaces;

/// <summary>A new workspace, or a change to one (null = leave as is; <see cref="ClearBudget"/> removes the budget).</summary>
public sealed record WorkspaceInput(string? Name, int? MonthlyCreditBudget, bool ClearBudget = false);
