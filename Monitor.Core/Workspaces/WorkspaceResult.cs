namespace Monitor.Core.Workspaces;

public sealed record WorkspaceResult<T>(WorkspaceProblem Problem, T? Value = default, string? Field = null, string? Message = null)
{
    public bool Succeeded => Problem == WorkspaceProblem.None;
}
