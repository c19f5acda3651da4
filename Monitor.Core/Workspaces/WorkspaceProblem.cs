namespace Monitor.Core.Workspaces;

public enum WorkspaceProblem
{
    None,

    /// <summary>No such workspace or member, or one the caller may not see (answered alike, so existence does not leak).</summary>
    NotFound,

    /// <summary>The caller sees the workspace but its role does not allow the change.</summary>
    Forbidden,

    InvalidField,
    Conflict,
}
