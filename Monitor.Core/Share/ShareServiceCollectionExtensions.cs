using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Workspaces;

namespace Monitor.Core.Share;

public static class ShareServiceCollectionExtensions
{
    /// <summary>Share links and the content of their pages.</summary>
    public static IServiceCollection AddShareLinks(this IServiceCollection services)
    {
        services.AddSingleton<ShareLinkService>();
        services.AddSingleton<IWorkspaceUnlinkStep, ShareUnlinkStep>();
        services.AddTransient<SharedDashboardBuilder>();
        return services;
    }
}
