namespace Monitor.Core.Workspaces;

/// <summary>
/// Who the code running now acts for: unrestricted (instance admin, the configured key, background work) or restricted
/// to the workspaces of its user or key, with a role in each. One per request or circuit (a scoped service), filled once
/// by the request's middleware or the circuit's handler; <see cref="SetCurrent"/> switches the workspace new things go to.
/// </summary>
public sealed class WorkspaceScope
{
    private static readonly IReadOnlyDictionary<Guid, WorkspaceRole> NoRoles = new Dictionary<Guid, WorkspaceRole>();

    private IReadOnlyDictionary<Guid, WorkspaceRole> _roles = NoRoles;
    private Guid[] _visible = [];
    private int _changed;

    public bool IsUnrestricted { get; private set; } = true;

    public IReadOnlyDictionary<Guid, WorkspaceRole> Roles => _roles;

    /// <summary>Where new things go and what the UI shows; null before a restricted scope has any workspace.</summary>
    public Guid? CurrentWorkspaceId { get; private set; }

    /// <summary>The workspaces a restricted scope sees; empty when unrestricted (it sees all).</summary>
    public IReadOnlyCollection<Guid> VisibleWorkspaceIds => _visible;

    /// <summary>Counts the changes (<see cref="Restrict"/>, <see cref="SetCurrent"/>), so a holder can tell it is stale.</summary>
    public int Changed => _changed;

    public event Action? ChangedEvent;

    public bool CanRead(Guid workspaceId) => IsUnrestricted || _roles.ContainsKey(workspaceId);

    public bool Can(Guid workspaceId, WorkspaceRole atLeast) =>
        IsUnrestricted || (_roles.TryGetValue(workspaceId, out var role) && role >= atLeast);

    /// <summary>The current workspace, or the first one for an unrestricted scope that chose none.</summary>
    public Guid TargetWorkspaceId => CurrentWorkspaceId ?? WorkspaceDefaults.FirstId;

    public void Restrict(IReadOnlyDictionary<Guid, WorkspaceRole> roles, Guid? current)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (current is { } id && !roles.ContainsKey(id))
        {
            throw new UnauthorizedAccessException($"Workspace {id} is not one of the scope's workspaces.");
        }

        _roles = new Dictionary<Guid, WorkspaceRole>(roles);
        _visible = [.. _roles.Keys];
        IsUnrestricted = false;
        CurrentWorkspaceId = current ?? (_visible.Length > 0 ? _visible[0] : null);
        Raise();
    }

    public void SetCurrent(Guid id)
    {
        if (!CanRead(id))
        {
            throw new UnauthorizedAccessException($"Workspace {id} is not one of the scope's workspaces.");
        }

        CurrentWorkspaceId = id;
        Raise();
    }

    private void Raise()
    {
        Interlocked.Increment(ref _changed);
        ChangedEvent?.Invoke();
    }
}
