using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Data;
using Monitor.Core.Monitoring.Events;
using Monitor.Core.Posts;

namespace Monitor.Core.Monitoring;

public static class MonitoringServiceCollectionExtensions
{
    public static IServiceCollection AddMonitoring(this IServiceCollection services, DatabaseSettings database, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(database);
        services.AddOptions<MonitoringOptions>().Bind(configuration.GetSection(MonitoringOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddMonitoringEvents(database);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            services.AddSingleton<IPostBatchWriter, PostgresPostBatchWriter>();
        }
        else
        {
            services.AddSingleton<IPostBatchWriter, SqlitePostBatchWriter>();
        }

        services.AddSingleton<PostIngestor>();
        services.AddTransient<MonitoringRunner>();
        return services;
    }
}
