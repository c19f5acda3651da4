using Monitor.Web.Components.Monitoring;
using MudBlazor.Services;

namespace Monitor.Web;

public static class DashboardServiceCollectionExtensions
{
    /// <summary>MudBlazor and the services the dashboard's components inject.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddMudServices();
        services.AddSingleton<IMonitoringActions, DatabaseMonitoringActions>();
        return services;
    }
}
