using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Data;
using Monitor.Core.Identity;

namespace Monitor.Core.Accounts;

public static class AccountsServiceCollectionExtensions
{
    /// <summary>Identity's users and roles on the app's database; the web project adds cookies and sign-in on top.</summary>
    public static IServiceCollection AddMonitorAccounts(this IServiceCollection services)
    {
        // Identity's stores take a scoped context; everything else in the app uses the factory.
        services.AddScoped<MonitorDbContext>(sp => sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<MonitorDbContext>>().CreateDbContext());
        services.AddIdentityCore<MonitorUser>(o =>
            {
                // Length is what makes a password strong; composition rules mostly make it harder to remember.
                o.Password.RequiredLength = AccountService.MinPasswordLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.User.RequireUniqueEmail = false;
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<MonitorDbContext>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<EnvironmentAdmin>();
        return services;
    }
}
