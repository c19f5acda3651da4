using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Audit;
using Monitor.Core.Data;
using Monitor.Core.Identity;

namespace Monitor.Core.Accounts;

/// <summary>
/// Users and their roles. Identity's managers are scoped; this singleton opens one scope per operation, so a Blazor
/// circuit never holds a context for its whole life.
/// </summary>
public sealed class AccountService(IServiceScopeFactory scopes, IDbContextFactory<MonitorDbContext> contextFactory, AuditTrail audit, TimeProvider time)
{
    public const int MinPasswordLength = 10;
    public const int MaxUserNameLength = 64;

    private static readonly SemaphoreSlim FirstUserGate = new(1, 1);

    public async Task<bool> AnyUserAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AnyAsync(cancellationToken);
    }

    public async Task<IdentityResult> CreateAsync(string userName, string password, string role, CancellationToken cancellationToken)
    {
        if (!MonitorRoles.IsKnown(role))
        {
            return Failed("UnknownRole", $"The role must be {string.Join(" or ", MonitorRoles.All)}.");
        }

        var name = (userName ?? string.Empty).Trim();
        if (name.Length is 0 or > MaxUserNameLength)
        {
            return Failed("InvalidUserName", $"A user name has 1 to {MaxUserNameLength} characters.");
        }

        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MonitorUser>>();
        await EnsureRolesAsync(scope.ServiceProvider);
        var user = new MonitorUser { UserName = name, CreatedAt = time.GetUtcNow().UtcDateTime };
        var created = await users.CreateAsync(user, password ?? string.Empty);
        var result = created.Succeeded ? await users.AddToRoleAsync(user, role) : created;
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditActions.UserCreated, AuditTarget.User(user.Id, name), AuditChange.Added(new { UserName = name, Role = role }), cancellationToken);
        }

        return result;
    }

    /// <summary>The setup page's admin: created only while no user exists (one at a time within a process).</summary>
    public async Task<IdentityResult> CreateFirstAdminAsync(string userName, string password, CancellationToken cancellationToken)
    {
        await FirstUserGate.WaitAsync(cancellationToken);
        try
        {
            if (await AnyUserAsync(cancellationToken))
            {
                return Failed("SetupDone", "An admin already exists: sign in instead.");
            }

            return await CreateAsync(userName, password, MonitorRoles.Admin, cancellationToken);
        }
        finally
        {
            FirstUserGate.Release();
        }
    }

    public async Task<IReadOnlyList<UserView>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().ToListAsync(cancellationToken);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return users
            .Select(u => new UserView(
                u.Id,
                u.UserName ?? string.Empty,
                roles.FirstOrDefault(r => r.UserId == u.Id)?.Name ?? MonitorRoles.Viewer,
                u.CreatedAt,
                u.LockoutEnd is { } end && end > now))
            .OrderBy(u => u.UserName, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>Refuses to delete the acting user or the last admin, so nobody locks the team out by accident.</summary>
    public async Task<IdentityResult> DeleteAsync(string userId, string? actingUserId, CancellationToken cancellationToken)
    {
        if (userId == actingUserId)
        {
            return Failed("DeleteSelf", "You cannot delete yourself.");
        }

        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MonitorUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Failed("NotFound", "That user no longer exists.");
        }

        if (await users.IsInRoleAsync(user, MonitorRoles.Admin) && (await users.GetUsersInRoleAsync(MonitorRoles.Admin)).Count <= 1)
        {
            return Failed("LastAdmin", "The last admin cannot be deleted.");
        }

        var role = await users.IsInRoleAsync(user, MonitorRoles.Admin) ? MonitorRoles.Admin : MonitorRoles.Viewer;
        var deleted = await users.DeleteAsync(user);
        if (deleted.Succeeded)
        {
            await audit.RecordAsync(AuditActions.UserDeleted, AuditTarget.User(user.Id, user.UserName), AuditChange.Removed(new { user.UserName, Role = role }), cancellationToken);
        }

        return deleted;
    }

    internal static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in MonitorRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    private static IdentityResult Failed(string code, string description) =>
        IdentityResult.Failed(new IdentityError { Code = code, Description = description });
}
