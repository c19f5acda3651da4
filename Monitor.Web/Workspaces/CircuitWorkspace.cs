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
            var current = all.FirstOrDefault(w => w.Id == requested)?.Id ?? all.FirstOrDefault(w => w.Id == scope.CurrentWorkspaceId)?.Id
                ?? WorkspaceChooser.DefaultOf(all);
            if (current is { } chosen)
            {
                scope.SetCurrent(chosen);
            }

            return;
        }

        Narrow(memberships, requested is { } id && memberships.ContainsKey(id) ? id : scope.CurrentWorkspaceId);
    }

    /// <summary>
    /// A page's HTTP request: the request's scope already holds the user's memberships and current workspace (filled from
    /// the same cookie); narrow it to that one workspace, as the circuit will be. An instance admin who named none gets the
    /// circuit's default, so the prerendered switcher names the workspace the live page will show.
    /// </summary>
    public async Task AdoptRequestScopeAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        IsInstanceAdmin = user.IsInRole(MonitorRoles.Admin);
        if (!scope.IsUnrestricted)
        {
            Narrow(scope.Roles, scope.CurrentWorkspaceId);
            return;
        }

        if (scope.CurrentWorkspaceId is null && WorkspaceChooser.DefaultOf(await workspaces.ListAsync(scope, cancellationToken)) is { } chosen)
        {
            scope.SetCurrent(chosen);
        }
    }

    private void Narrow(IReadOnlyDictionary<Guid, WorkspaceRole> memberships, Guid? preferred)
    {
        _memberships = new Dictionary<Guid, WorkspaceRole>(memberships);
        var chosen = preferred is { } p && memberships.ContainsKey(p) ? p : WorkspaceChooser.DefaultOf(memberships);
        var roles = chosen is { } c ? new Dictionary<Guid, WorkspaceRole> { [c] = memberships[c] } : new Dictionary<Guid, WorkspaceRole>();
        scope.Restrict(roles, chosen);
    }

    /// <summary>Reads the user's memberships again, keeping the current workspace if they still belong to it.</summary>
    public Task RefreshAsync(CancellationToken cancellationToken) => LoadAsync(scope.CurrentWorkspaceId, cancellationToken);

    /// <summary>The workspaces the user may switch to: all of them for an instance admin, their memberships otherwise.</summary>
    public async Task<IReadOnlyList<WorkspaceView>> ChoicesAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<WorkspaceView> list;
        if (IsInstanceAdmin)
        {
            list = await workspaces.ListAsync(scope, cancellationToken);
        }
        else
        {
            // The circuit's own scope sees only the current workspace; the list needs every membership, and no more, for
            // this one read: the circuit's work after it stays in the current workspace.
            var memberships = new WorkspaceScope();
            memberships.Restrict(_memberships, null);
            var previous = ambient.Current;
            ambient.Current = memberships;
            try
            {
                list = await workspaces.ListAsync(memberships, cancellationToken);
            }
            finally
            {
                ambient.Current = previous;
            }
        }

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
