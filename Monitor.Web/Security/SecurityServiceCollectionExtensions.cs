using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Monitor.Core.Accounts;
using Monitor.Core.Data;
using Monitor.Core.Identity;
using Monitor.Web.Security.SingleSignOn;

namespace Monitor.Web.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>Sign-in (Identity cookies), the circuit's user, API keys' door, rate limits and the security options.</summary>
    public static IServiceCollection AddMonitorSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SecurityOptions.Section);
        var options = section.Get<SecurityOptions>() ?? new SecurityOptions();
        services.Configure<SecurityOptions>(section);

        // The cookies' keys live in the database, so a restart or another node keeps everyone signed in.
        services.AddDataProtection().SetApplicationName("tiktok-profile-monitor").PersistKeysToDbContext<MonitorDbContext>();

        var authentication = services.AddAuthentication(IdentityConstants.ApplicationScheme);
        authentication.AddIdentityCookies();
        authentication.AddMonitorSingleSignOn(services, configuration);
        new IdentityBuilder(typeof(MonitorUser), typeof(IdentityRole), services).AddSignInManager();
        services.Configure<IdentityOptions>(o =>
        {
            o.Lockout.MaxFailedAccessAttempts = options.LockoutAttempts;
            o.Lockout.DefaultLockoutTimeSpan = options.LockoutDuration;
        });

        // A deleted user or a changed password ends other sessions within a minute, not the default half hour.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "monitor.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/account/login";
            cookie.ExpireTimeSpan = TimeSpan.FromDays(7);
            cookie.SlidingExpiration = true;
            cookie.Events.OnRedirectToLogin = context =>
            {
                // The hub is called by script, which cannot follow a redirect to a page: a plain 401, not the not-found page.
                if (context.Request.Path.StartsWithSegments("/_blazor"))
                {
                    context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>()?.Enabled = false;
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                }

                context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };
        });

        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, UserRevalidatingStateProvider>();
        services.AddScoped<CircuitAccess>();
        services.AddSingleton<ApiKeyFailureThrottle>();
        services.AddMonitorRateLimits(options);
        services.AddAntiforgery(o => o.Cookie.Name = "monitor.antiforgery");
        if (options.ForwardedHeaders)
        {
            services.Configure<ForwardedHeadersOptions>(o => ForwardedHeadersSetup.Configure(o, options));
        }

        if (options.RequireHttps)
        {
            services.AddHttpsRedirection(o => o.HttpsPort = options.HttpsPort);

            // Every host, localhost included: the setting is an explicit choice.
            services.AddHsts(o =>
            {
                o.MaxAge = TimeSpan.FromDays(365);
                o.ExcludedHosts.Clear();
            });
        }

        return services;
    }
}
