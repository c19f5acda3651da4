using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Data;
using Monitor.Core.Scraping;

namespace Monitor.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>The one entry point: data, scraping, monitoring.</summary>
    public static IServiceCollection AddMonitorCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddMonitorData(DatabaseSettings.FromConfiguration(configuration));
        services.AddScrapeCreators(configuration);
        return services;
    }
}
