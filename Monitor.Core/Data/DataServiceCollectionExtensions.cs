using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Monitor.Core.Data;

public static class DataServiceCollectionExtensions
{
    public static IServiceCollection AddMonitorData(this IServiceCollection services, DatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(settings);
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContextFactory<PostgresMonitorDbContext>(o => ConfigurePostgres(o, settings.ConnectionString));
            services.AddSingleton<IDbContextFactory<MonitorDbContext>, MonitorDbContextFactory<PostgresMonitorDbContext>>();
        }
        else
        {
            services.AddDbContextFactory<SqliteMonitorDbContext>(o => ConfigureSqlite(o, settings.ConnectionString));
            services.AddSingleton<IDbContextFactory<MonitorDbContext>, MonitorDbContextFactory<SqliteMonitorDbContext>>();
        }

        services.AddSingleton<DatabaseMigrator>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    internal static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString).UseSnakeCaseNamingConvention()
            .ReplaceService<IModelCacheKeyFactory, ScopedModelCacheKeyFactory>();

    internal static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString).UseSnakeCaseNamingConvention()
            .ReplaceService<IModelCacheKeyFactory, ScopedModelCacheKeyFactory>();
}
