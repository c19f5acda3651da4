using Monitor.Core;
using Monitor.Core.Data;
using Monitor.Core.Monitoring.Scheduling;
using Monitor.Web.Components;
using Monitor.Web.Endpoints;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddMonitorCore(builder.Configuration);
builder.Services.AddMudServices();
builder.Services.AddProblemDetails();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();

if (args.Contains("migrate"))
{
    await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
    return;
}

if (await MonitoringCommandLine.TryRunAsync(app.Services, args, CancellationToken.None))
{
    return;
}

await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();

app.MapStaticAssets();
app.MapMonitoringEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();
