using Microsoft.Extensions.DependencyInjection;

namespace Monitor.Core.Share;

public static class ShareServiceCollectionExtensions
{
    /// <summary>Share links and the content of their pages.</summary>
    public static IServiceCollection AddShareLinks(this IServiceCollection services)
    {
        services.AddSingleton<ShareLinkService>();
        services.AddTransient<SharedDashboardBuilder>();
        return services;
    }
}
