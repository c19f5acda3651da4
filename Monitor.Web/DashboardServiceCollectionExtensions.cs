using Monitor.Web.Components.Monitoring;
using Monitor.Web.Workspaces;
using MudBlazor;
using MudBlazor.Services;

namespace Monitor.Web;

public static class DashboardServiceCollectionExtensions
{
    /// <summary>MudBlazor and the services the dashboard's components inject.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddMudServices(config =>
        {
            config.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            config.SnackbarConfiguration.PreventDuplicates = false;
        });
        services.AddSingleton<IMonitoringActions, MonitoringActions>();
        services.AddWorkspaceCircuits();
        return services;
    }
}
