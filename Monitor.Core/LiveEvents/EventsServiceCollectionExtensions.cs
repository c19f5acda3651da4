using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Data;

namespace Monitor.Core.LiveEvents;

public static class EventsServiceCollectionExtensions
{
    /// <summary>
    /// The in-process hub, and on PostgreSQL the bridge that joins the hubs of every node (any role, web nodes included).
    /// The embedded SQLite default runs in one process: the hub alone serves.
    /// </summary>
    public static IServiceCollection AddMonitoringEvents(this IServiceCollection services, DatabaseSettings database)
    {
        ArgumentNullException.ThrowIfNull(database);
        services.AddSingleton<MonitoringEventHub>();
        if (database.Provider == DatabaseProvider.Postgres)
        {
            services.AddHostedService<PostgresEventBridge>();
        }

        return services;
    }
}
