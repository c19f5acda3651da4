using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Monitor.Core.Identity;

namespace Monitor.Core.Accounts.SingleSignOn;

/// <summary>
/// Turns a provider's sign-in into one of the app's users: found by the provider's login (Identity's user logins), else
/// by a verified email that exactly one user has, else created when allowed. The role comes from the groups at every
/// sign-in, so a change of groups at the provider reaches the app the next time the user signs in.
/// </summary>
public sealed class ExternalAccountService(IServiceScopeFactory scopes, IOptions<SingleSignOnOptions> options, TimeProvider time)
{
    public async Task<ExternalSignInOutcome> ResolveAsync(ExternalIdentity identity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var role = SingleSignOnRoles.RoleFor(identity.Groups, options.Value.RoleMappings);
        if (role is null)
        {
            return ExternalSignInOutcome.Refused(ExternalSignInOutcome.NoRole);
        }

        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MonitorUser>>();
        await AccountService.EnsureRolesAsync(scope.ServiceProvider);
        var created = false;
        var user = await users.FindByLoginAsync(identity.Provider, identity.Subject)
            ?? await LinkByVerifiedEmailAsync(users, identity, cancellationToken);
        if (user is null)
        {
            if (!options.Value.CreateUnknownUsers)
            {
                return ExternalSignInOutcome.Refused(ExternalSignInOutcome.UnknownUser);
            }

            user = await CreateAsync(users, identity, cancellationToken);
            if (user is null)
            {
                return ExternalSignInOutcome.Refused(ExternalSignInOutcome.Failed);
            }

            created = true;
        }

        if (await users.IsLockedOutAsync(user))
        {
            return ExternalSignInOutcome.Refused(ExternalSignInOutcome.Locked);
        }

        return await SyncRoleAsync(users, user, role) ? new(user, role, null, created) : ExternalSignInOutcome.Refused(ExternalSignInOutcome.Failed);
    }

    private static async Task<MonitorUser?> LinkByVerifiedEmailAsync(UserManager<MonitorUser> users, ExternalIdentity identity, CancellationToken cancellationToken)
    {
        if (!identity.EmailVerified || string.IsNullOrWhiteSpace(identity.Email))
        {
            return null;
        }

        // Email is not unique among local accounts: link only when exactly one user has it.
        var normalized = users.NormalizeEmail(identity.Email);
        var matches = await users.Users.Where(u => u.NormalizedEmail == normalized).Take(2).ToListAsync(cancellationToken);
        if (matches is not [var user])
        {
            return null;
        }

        var linked = await users.AddLoginAsync(user, new UserLoginInfo(identity.Provider, identity.Subject, identity.Provider));
        return linked.Succeeded ? user : null;
    }

    private async Task<MonitorUser?> CreateAsync(UserManager<MonitorUser> users, ExternalIdentity identity, CancellationToken cancellationToken)
    {
        var baseName = ExternalUserNames.From(identity);
        for (var attempt = 1; attempt <= 20; attempt++)
        {
            var name = ExternalUserNames.Numbered(baseName, attempt);
            if (await users.FindByNameAsync(name) is not null)
            {
                continue;
            }

            var user = new MonitorUser
            {
                UserName = name,
                Email = identity.EmailVerified ? identity.Email : null,
                EmailConfirmed = identity.EmailVerified && identity.Email is not null,
                CreatedAt = time.GetUtcNow().UtcDateTime,
            };

            // No password: this user signs in only through the provider.
            var result = await users.CreateAsync(user);
            if (!result.Succeeded)
            {
                return null;
            }

            var linked = await users.AddLoginAsync(user, new UserLoginInfo(identity.Provider, identity.Subject, identity.Provider));
            return linked.Succeeded ? user : null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        return null;
    }

    private static async Task<bool> SyncRoleAsync(UserManager<MonitorUser> users, MonitorUser user, string role)
    {
        var current = await users.GetRolesAsync(user);
        var stale = current.Where(r => r != role).ToList();
        if (stale.Count > 0 && !(await users.RemoveFromRolesAsync(user, stale)).Succeeded)
        {
            return false;
        }

        return current.Contains(role) || (await users.AddToRoleAsync(user, role)).Succeeded;
    }
}
