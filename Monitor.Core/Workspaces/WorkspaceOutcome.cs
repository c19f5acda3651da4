namespace Monitor.Core.Workspaces;

/// <summary>Builds the <see cref="WorkspaceResult{T}"/> of each outcome.</summary>
public static class WorkspaceOutcome
{
    public static WorkspaceResult<T> Ok<T>(T value) => new(WorkspaceProblem.None, value);

    public static WorkspaceResult<T> NotFound<T>(string message) => new(WorkspaceProblem.NotFound, Message: message);

    public static WorkspaceResult<T> Forbidden<T>(string message) => new(WorkspaceProblem.Forbidden, Message: message);

    public static WorkspaceResult<T> Invalid<T>(string field, string message) => new(WorkspaceProblem.InvalidField, Field: field, Message: message);

    public static WorkspaceResult<T> Conflict<T>(string message) => new(WorkspaceProblem.Conflict, Message: message);
}
