using Monitor.Core.Accounts;

namespace Monitor.Web.Security;

public static class SecurityApplicationBuilderExtensions
{
    /// <summary>Roles exist, and the admin from MONITOR_ADMIN_USER / MONITOR_ADMIN_PASSWORD is created or reset.</summary>
    public static Task InitializeMonitorSecurityAsync(this WebApplication app, CancellationToken cancellationToken) =>
        app.Services.GetRequiredService<EnvironmentAdmin>().ApplyAsync(cancellationToken);

    /// <summary>The doors, in order: proxy headers, HTTPS, headers, origin, who is calling, the API key, the caller's workspaces, rate limits, authorization, antiforgery.</summary>
    public static WebApplication UseMonitorSecurity(this WebApplication app)
    {
        var options = app.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        if (options.ForwardedHeaders)
        {
            app.UseForwardedHeaders();
        }

        if (options.RequireHttps)
        {
            if (!app.Environment.IsDevelopment())
            {
                app.UseHsts();
            }

            app.UseHttpsRedirection();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<OriginCheckMiddleware>();
        app.UseAuthentication();
        app.UseMiddleware<LoopbackSignInMiddleware>();
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/api") || Endpoints.OpenApi.ApiDocumentation.IsKeyedDocumentRequest(context),
            api => api.UseMiddleware<ApiKeyMiddleware>());
        app.UseMiddleware<Workspaces.WorkspaceScopeMiddleware>();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }
}
