using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Monitor.Web.Workspaces;

public static class WorkspaceWebServiceCollectionExtensions
{
    /// <summary>A circuit's workspace (filled before its first render), and the run events filtered to it.</summary>
    public static IServiceCollection AddWorkspaceCircuits(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<CircuitWorkspace>();
        services.AddScoped<CircuitProfileVisibility>();
        services.AddScoped<CircuitMonitoringEvents>();
        services.AddScoped<CircuitHandler, WorkspaceCircuitHandler>();
        return services;
    }
}
