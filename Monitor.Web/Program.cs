using Monitor.Core;
using Monitor.Core.Backups;
using Monitor.Core.Data;
using Monitor.Core.Scheduling;
using Monitor.Web;
using Monitor.Web.Audit;
using Monitor.Web.Components;
using Monitor.Web.Endpoints;
using Monitor.Web.Endpoints.Bodies;
using Monitor.Web.Endpoints.OpenApi;
using Monitor.Web.Security;
using Monitor.Web.Security.Accounts;
using Monitor.Web.Share;
using Monitor.Web.Telemetry;

var builder = WebApplication.CreateBuilder(ContentRoot.Options(args));

builder.Services.AddMonitorCore(builder.Configuration);
builder.Services.AddDashboard();
builder.Services.AddMonitorSecurity(builder.Configuration);
builder.Services.AddWebAuditActors();
builder.Services.AddSharedPages(builder.Configuration);
builder.Services.AddProblemDetails();
builder.Services.AddStrictApiBodies();
builder.Services.AddExceptionHandler<DatabaseUnavailableHandler>();
builder.Services.AddApiDocumentation();
builder.Services.AddTelemetryExport(builder.Configuration);
builder.Services.AddRazorComponents().AddInteractiveServerComponents()
    .AddHubOptions(o => o.MaximumReceiveMessageSize = Monitor.Web.Components.Rendering.PrerenderedState.CircuitMessageLimit);

var app = builder.Build();

try
{
    await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
}
catch (Exception ex) when (DataFolderProblem.Describe(app.Services.GetRequiredService<DatabaseSettings>(), ex) is { } problem)
{
    // One line an operator can act on, and a failing exit code, rather than a stack trace.
    await Console.Error.WriteLineAsync(problem);
    return 2;
}
catch (SchemaTooOldException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}

if (args.Contains("migrate"))
{
    return 0;
}

if (await BackupCommandLine.TryRunAsync(app.Services, args, Console.Out, Console.Error, Console.In, CancellationToken.None) is { } exitCode)
{
    return exitCode;
}

if (await MonitoringCommandLine.TryRunAsync(app.Services, args, CancellationToken.None))
{
    return 0;
}

await app.InitializeMonitorSecurityAsync(CancellationToken.None);

// The API answers errors, bodiless ones included (a malformed JSON body, an unknown route), with problem details;
// the pages answer with the dashboard's error and not-found pages.
app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api =>
{
    api.UseExceptionHandler();
    api.UseStatusCodePages();
});
app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"), pages =>
{
    if (!app.Environment.IsDevelopment())
    {
        pages.UseExceptionHandler("/Error", createScopeForErrors: true);
    }

    pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
});
app.UseMonitorSecurity();

app.MapStaticAssets();
app.MapHealthChecks("/health", HealthResponse.Options);
app.MapPrometheusMetrics();
app.MapMonitorApi();
// The API reference, the dashboard's CSV downloads and the cached images are pages like the others: behind sign-in
// (the API takes keys, and so does the OpenAPI document).
app.MapApiDocumentation();
var signedIn = app.MapGroup(string.Empty).RequireAuthorization();
signedIn.MapExportEndpoints("/profiles");
signedIn.MapMediaEndpoints();
signedIn.MapReportDownloads();
signedIn.MapBackupEndpoints();
app.MapAccountEndpoints();
// Read-only pages for whoever holds a share link: no sign-in, their own limits.
app.MapSharedPages();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode().RequireAuthorization();

app.Run();
return 0;
