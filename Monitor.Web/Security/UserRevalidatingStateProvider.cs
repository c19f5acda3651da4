using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Monitor.Core.Accounts;
using Monitor.Core.Identity;

namespace Monitor.Web.Security;

/// <summary>
/// A circuit keeps the user it started with; every minute this checks that the user still exists and that their
/// security stamp (changed by a password change or reset) still matches, and otherwise ends the circuit's sign-in.
/// </summary>
public sealed class UserRevalidatingStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<IdentityOptions> identity)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);
        var principal = authenticationState.User;
        if (principal.Identity?.AuthenticationType == LoopbackSignInMiddleware.AuthenticationType)
        {
            return true;
        }

        AsyncServiceScope scope;
        try
        {
            scope = scopes.CreateAsyncScope();
        }
        catch (ObjectDisposedException)
        {
            // The app is stopping while a circuit is still open: nothing left to check against, and the circuit ends anyway.
            return true;
        }

        await using var _ = scope;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MonitorUser>>();
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return false;
        }

        if (!users.SupportsUserSecurityStamp)
        {
            return true;
        }

        var stamp = principal.FindFirst(identity.Value.ClaimsIdentity.SecurityStampClaimType)?.Value;
        return stamp == await users.GetSecurityStampAsync(user);
    }
}
