using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Data;
using Monitor.Core.Monitoring;
using Monitor.Core.Monitoring.Scheduling;

namespace Monitor.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>The one entry point: data, scraping, monitoring.</summary>
    public static IServiceCollection AddMonitorCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var database = DatabaseSettings.FromConfiguration(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddMonitorData(database);
        services.AddMonitoring(database);
        services.AddMonitoringScheduling(configuration, database);
        return services;
    }
}
