using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Monitor.Core.Accounts;
using Monitor.Core.Workspaces;

namespace Monitor.Web.Workspaces;

/// <summary>
/// The workspace a circuit works in. An instance admin is unrestricted (sees every workspace) and only picks where new
/// things go; any other user's scope is restricted to the one workspace chosen among their memberships, so the pages
/// show that workspace's data and its role decides what they may change; the switcher picks another.
/// </summary>
public sealed class CircuitWorkspace(
    AuthenticationStateProvider authentication, WorkspaceScope scope, WorkspaceService workspaces, WorkspaceScopeAccessor ambient)
{
    private IReadOnlyDictionary<Guid, WorkspaceRole> _memberships = new Dictionary<Guid, WorkspaceRole>();

    public WorkspaceScope Scope => scope;

    public bool IsInstanceAdmin { get; private set; }

    /// <summary>Every workspace the user belongs to, with their role there (empty for an instance admin who belongs to none).</summary>
    public IReadOnlyDictionary<Guid, WorkspaceRole> Memberships => _memberships;

    /// <summary>The user's role in the current workspace; null for an instance admin who is not a member, or no workspace.</summary>
    public WorkspaceRole? CurrentRole =>
        scope.CurrentWorkspaceId is { } id && _memberships.TryGetValue(id, out var role) ? role : null;

    /// <summary>Fills the scope from the signed-in user, in the workspace asked for (the cookie's) when they may use it.</summary>
    public async Task LoadAsync(Guid? requested, CancellationToken cancellationToken)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        IsInstanceAdmin = user.Identity?.IsAuthenticated == true && user.IsInRole(MonitorRoles.Admin);
        var memberships = user.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
            ? await workspaces.RolesOfUserAsync(userId, cancellationToken)
            : new Dictionary<Guid, WorkspaceRole>();
        if (IsInstanceAdmin)
        {
            _memberships = memberships;
            var all = await workspaces.ListAsync(scope, cancellationToken);
            var current = all.FirstOrDefault(w => w.Id == requested) ?? all.FirstOrDefault(w => w.Id == scope.CurrentWorkspaceId)
                ?? all.FirstOrDefault(w => w.Id == WorkspaceDefaults.FirstId) ?? (all.Count > 0 ? all[0] : null);
            if (current is not null)
            {
                scope.SetCurrent(current.Id);
            }

            return;
        }

        Narrow(memberships, requested is { } id && memberships.ContainsKey(id) ? id : scope.CurrentWorkspaceId);
    }

    /// <summary>
    /// A page's HTTP request: the request's scope already holds the user's memberships and current workspace (the API's
    /// middleware filled it from the same cookie); narrow it to that one workspace, as the circuit will be.
    /// </summary>
    public void AdoptRequestScope(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        IsInstanceAdmin = user.IsInRole(MonitorRoles.Admin);
        if (!scope.IsUnrestricted)
        {
            Narrow(scope.Roles, scope.CurrentWorkspaceId);
        }
    }

    private void Narrow(IReadOnlyDictionary<Guid, WorkspaceRole> memberships, Guid? preferred)
    {
        _memberships = new Dictionary<Guid, WorkspaceRole>(memberships);
        var chosen = preferred is { } p && memberships.ContainsKey(p) ? p : DefaultOf(memberships);
        var roles = chosen is { } c ? new Dictionary<Guid, WorkspaceRole> { [c] = memberships[c] } : new Dictionary<Guid, WorkspaceRole>();
        scope.Restrict(roles, chosen);
    }

    /// <summary>The first workspace when the user is in it, else the one with the smallest id: the API's default too.</summary>
    private static Guid? DefaultOf(IReadOnlyDictionary<Guid, WorkspaceRole> memberships) =>
        memberships.Count == 0 ? null : memberships.ContainsKey(WorkspaceDefaults.FirstId) ? WorkspaceDefaults.FirstId : memberships.Keys.Min();

    /// <summary>Reads the user's memberships again, keeping the current workspace if they still belong to it.</summary>
    public Task RefreshAsync(CancellationToken cancellationToken) => LoadAsync(scope.CurrentWorkspaceId, cancellationToken);

    /// <summary>The workspaces the user may switch to: all of them for an instance admin, their memberships otherwise.</summary>
    public async Task<IReadOnlyList<WorkspaceView>> ChoicesAsync(CancellationToken cancellationToken)
    {
        var mine = scope;
        if (!IsInstanceAdmin)
        {
            // The circuit's own scope sees only the current workspace; the list needs every membership, and no more.
            mine = new WorkspaceScope();
            mine.Restrict(_memberships, null);
            ambient.Current = mine;
        }

        var list = await workspaces.ListAsync(mine, cancellationToken);
        return [.. list.Select(w => w with { Role = _memberships.TryGetValue(w.Id, out var role) ? role : null })];
    }

    /// <summary>Switches to another workspace (one the user may use); the caller reloads the page.</summary>
    public async Task SwitchAsync(Guid id, CancellationToken cancellationToken)
    {
        await RefreshAsync(cancellationToken);
        if (!IsInstanceAdmin && !_memberships.ContainsKey(id))
        {
            throw new UnauthorizedAccessException("You are not a member of that workspace.");
        }

        await LoadAsync(id, cancellationToken);
    }
}
