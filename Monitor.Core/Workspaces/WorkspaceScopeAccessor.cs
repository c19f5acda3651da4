using Monitor.Core.Data;

namespace Monitor.Core.Workspaces;

/// <summary>
/// The scope of the code running now, for the singleton services: the request middleware and the circuit handler set it
/// (an AsyncLocal, so it flows with the request's or the circuit event's async work and no further). Unset = unrestricted:
/// Quartz jobs, the run dispatcher and other background work see every workspace.
/// </summary>
public sealed class WorkspaceScopeAccessor : IContextScopeSource
{
    private static readonly WorkspaceScope Unrestricted = new();

    private readonly AsyncLocal<WorkspaceScope?> _ambient = new();

    public WorkspaceScope? Current
    {
        get => _ambient.Value;
        set => _ambient.Value = value;
    }

    /// <summary>The scope in force: the ambient one, or an unrestricted one.</summary>
    public WorkspaceScope Effective => _ambient.Value ?? Unrestricted;

    public IReadOnlyCollection<Guid>? CurrentRestriction =>
        _ambient.Value is { IsUnrestricted: false } scope ? scope.VisibleWorkspaceIds : null;
}
