using Microsoft.AspNetCore.Components.Authorization;
using Monitor.Core.Accounts;

namespace Monitor.Web.Security;

/// <summary>
/// What the signed-in user of this circuit may do. Components hide what a viewer cannot use, and every changing action
/// also asks <see cref="DemandAdminAsync"/> on the server: a hidden button is no protection against a crafted event.
/// </summary>
public sealed class CircuitAccess(AuthenticationStateProvider authentication)
{
    public async Task<bool> IsAdminAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return state.User.Identity?.IsAuthenticated == true && state.User.IsInRole(MonitorRoles.Admin);
    }

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

    /// <exception cref="UnauthorizedAccessException">The user is not an admin.</exception>
    public async Task DemandAdminAsync()
    {
        if (!await IsAdminAsync())
        {
            throw new UnauthorizedAccessException("Only an admin can do this; you are signed in as a viewer.");
        }
    }
}
