using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Monitor.Core.Data;
using Monitor.Core.LiveEvents;
using Monitor.Core.Posts;
using Monitor.Core.Quality;
using Monitor.Core.Scans;

namespace Monitor.Core.Dispatch;

public static class MonitoringServiceCollectionExtensions
{
    public static IServiceCollection AddMonitoring(this IServiceCollection services, DatabaseSettings database, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(database);
        services.AddOptions<MonitoringOptions>().Bind(configuration.GetSection(MonitoringOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ScanOptions>().Bind(configuration.GetSection(ScanOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ScanOptions>, ScanOptionsValidator>();
        services.AddOptions<QualityOptions>().Bind(configuration.GetSection(QualityOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RunQualityCheck>();
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
        services.AddSingleton<UpstreamSlots>();
        services.AddTransient<MonitoringRunner>();
        services.AddSingleton<Monitor.Core.Dispatch.AccountObserver>();
        return services;
    }
}
