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
            var restricted = ConfigurePostgres(new DbContextOptionsBuilder<PostgresMonitorDbContext>(), settings.ConnectionString).Options;
            AddFactory(services, o => ConfigurePostgres(o, settings.ConnectionString), () => new PostgresMonitorDbContext((DbContextOptions<PostgresMonitorDbContext>)restricted));
        }
        else
        {
            var restricted = ConfigureSqlite(new DbContextOptionsBuilder<SqliteMonitorDbContext>(), settings.ConnectionString).Options;
            AddFactory(services, o => ConfigureSqlite(o, settings.ConnectionString), () => new SqliteMonitorDbContext((DbContextOptions<SqliteMonitorDbContext>)restricted));
        }

        services.AddSingleton<DatabaseMigrator>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    private static void AddFactory<TContext>(IServiceCollection services, Action<DbContextOptionsBuilder> configure, Func<TContext> createRestricted)
        where TContext : MonitorDbContext
    {
        services.AddPooledDbContextFactory<TContext>(configure);
        services.AddSingleton<IDbContextFactory<MonitorDbContext>>(provider => new MonitorDbContextFactory<TContext>(
            provider.GetRequiredService<IDbContextFactory<TContext>>(), createRestricted, provider.GetServices<IContextScopeSource>()));
    }

    internal static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString).UseSnakeCaseNamingConvention()
            .ReplaceService<IModelCacheKeyFactory, ScopedModelCacheKeyFactory>();

    internal static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString).UseSnakeCaseNamingConvention()
            .ReplaceService<IModelCacheKeyFactory, ScopedModelCacheKeyFactory>();
}
