using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Monitor.Core.Identity;

namespace Monitor.Core.Accounts;

/// <summary>
/// MONITOR_ADMIN_USER / MONITOR_ADMIN_PASSWORD (or Auth:AdminUser / Auth:AdminPassword) create that admin at start, or
/// reset its password, role and lockout: how a scripted deployment, or someone locked out, gets in.
/// </summary>
public sealed class EnvironmentAdmin(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time, ILogger<EnvironmentAdmin> logger)
{
    private const int Attempts = 10;

    /// <summary>
    /// Nodes of one deployment start together with the same settings: when another node creates or resets the admin at
    /// the same moment, Identity reports a concurrency failure or a duplicate; the work is then done again on fresh rows.
    /// </summary>
    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ApplyOnceAsync(cancellationToken);
                return;
            }
            catch (Exception ex) when (attempt < Attempts && IsRaceWithAnotherNode(ex))
            {
                logger.LogInformation("Another node changed the admin or the roles at the same time; trying again");
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(50, 250) * attempt), time, cancellationToken);
            }
        }
    }

    private static bool IsRaceWithAnotherNode(Exception ex) =>
        ex is Microsoft.EntityFrameworkCore.DbUpdateException
        || (ex is AdminRaceException);

    private async Task ApplyOnceAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        await AccountService.EnsureRolesAsync(scope.ServiceProvider);
        var userName = (configuration["MONITOR_ADMIN_USER"] ?? configuration["Auth:AdminUser"])?.Trim();
        var password = configuration["MONITOR_ADMIN_PASSWORD"] ?? configuration["Auth:AdminPassword"];
        if (string.IsNullOrEmpty(userName) || string.IsNullOrEmpty(password))
        {
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MonitorUser>>();
        var user = await users.FindByNameAsync(userName);
        var created = user is null;
        if (user is null)
        {
            user = new MonitorUser { UserName = userName, CreatedAt = time.GetUtcNow().UtcDateTime };
            Check(await users.CreateAsync(user, password), userName);
        }
        else
        {
            // Validate first, so a weak new password leaves the old one in place.
            foreach (var validator in users.PasswordValidators)
            {
                Check(await validator.ValidateAsync(users, user, password), userName);
            }

            Check(await users.RemovePasswordAsync(user), userName);
            Check(await users.AddPasswordAsync(user, password), userName);
            Check(await users.SetLockoutEndDateAsync(user, null), userName);
            Check(await users.ResetAccessFailedCountAsync(user), userName);
        }

        if (!await users.IsInRoleAsync(user, MonitorRoles.Admin))
        {
            foreach (var role in await users.GetRolesAsync(user))
            {
                Check(await users.RemoveFromRoleAsync(user, role), userName);
            }

            Check(await users.AddToRoleAsync(user, MonitorRoles.Admin), userName);
        }

        logger.LogInformation("Admin {User} from MONITOR_ADMIN_USER: {Action}", userName, created ? "created" : "password, role and lockout reset");
    }

    /// <summary>The message names the user and Identity's reasons, never the password.</summary>
    private static void Check(IdentityResult result, string userName)
    {
        if (!result.Succeeded && result.Errors.Any(e => e.Code is "ConcurrencyFailure" or "DuplicateUserName" or "DuplicateRoleName"))
        {
            throw new AdminRaceException();
        }

        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"MONITOR_ADMIN_USER {userName}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
