using Microsoft.AspNetCore.Components.Authorization;
using Monitor.Core.Accounts;
using Monitor.Core.Workspaces;
using Monitor.Web.Workspaces;

namespace Monitor.Web.Security;

/// <summary>
/// What the signed-in user of this circuit may do in its current workspace: a viewer looks; an editor also changes
/// profiles, monitoring, groups, alerts, reports and share links; a workspace admin also its members, keys, channels and
/// budget; an instance admin everything, users and backups included. Components hide what the role cannot use, and every
/// changing action also asks a <c>Demand…</c> method on the server, which reads the memberships again: a hidden button is
/// no protection against a crafted event, nor against a role taken away while the page was open.
/// </summary>
public sealed class CircuitAccess(AuthenticationStateProvider authentication, CircuitWorkspace workspace)
{
    public async Task<bool> IsInstanceAdminAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return state.User.Identity?.IsAuthenticated == true && state.User.IsInRole(MonitorRoles.Admin);
    }

    /// <summary>Editor or more in the current workspace (or instance admin).</summary>
    public Task<bool> CanEditAsync() => HasAsync(WorkspaceRole.Editor);

    /// <summary>Admin of the current workspace (or instance admin).</summary>
    public Task<bool> CanAdministerAsync() => HasAsync(WorkspaceRole.Admin);

    public async Task<string?> UserIdAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return state.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
    }

    public async Task<string?> UserNameAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return state.User.Identity?.Name;
    }

    /// <exception cref="UnauthorizedAccessException">The user is not an editor or admin of the current workspace.</exception>
    public Task DemandEditorAsync() => DemandAsync(WorkspaceRole.Editor, "an editor or admin of this workspace");

    /// <exception cref="UnauthorizedAccessException">The user is not an admin of the current workspace.</exception>
    public Task DemandWorkspaceAdminAsync() => DemandAsync(WorkspaceRole.Admin, "an admin of this workspace");

    /// <exception cref="UnauthorizedAccessException">The user is not an instance admin.</exception>
    public async Task DemandInstanceAdminAsync()
    {
        if (!await IsInstanceAdminAsync())
        {
            throw new UnauthorizedAccessException($"Only an instance admin can do this; you are {await DescribeAsync()}.");
        }
    }

    private async Task<bool> HasAsync(WorkspaceRole atLeast)
    {
        if (await IsInstanceAdminAsync())
        {
            return true;
        }

        return workspace.CurrentRole is { } role && role >= atLeast;
    }

    private async Task DemandAsync(WorkspaceRole atLeast, string who)
    {
        if (await IsInstanceAdminAsync())
        {
            return;
        }

        await workspace.RefreshAsync(CancellationToken.None);
        if (workspace.CurrentRole is not { } role || role < atLeast)
        {
            throw new UnauthorizedAccessException($"Only {who} can do this; you are {await DescribeAsync()}.");
        }
    }

    private async Task<string> DescribeAsync()
    {
        if (await IsInstanceAdminAsync())
        {
            return "an instance admin";
        }

        return workspace.CurrentRole switch
        {
            WorkspaceRole.Admin => "an admin here",
            WorkspaceRole.Editor => "an editor here",
            WorkspaceRole.Viewer => "a viewer here",
            _ => "not a member of this workspace",
        };
    }
}
