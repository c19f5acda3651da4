using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitor.Core.Data;

namespace Monitor.Core.Workspaces;

public static class WorkspacesServiceCollectionExtensions
{
    public static IServiceCollection AddMonitorWorkspaces(this IServiceCollection services)
    {
        services.TryAddSingleton<WorkspaceScopeAccessor>();
        services.AddSingleton<IContextScopeSource>(sp => sp.GetRequiredService<WorkspaceScopeAccessor>());
        services.TryAddScoped<WorkspaceScope>();
        services.TryAddSingleton<WorkspaceService>();
        return services;
    }
}
