using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Monitor.Core.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// The "Monitor" meter's instruments; the exporters are the host's (Monitor.Web). What feeds the gauges
    /// (<see cref="ITelemetryStateSource"/>) and the run counters is registered by AddMonitorCore.
    /// </summary>
    public static IServiceCollection AddMonitorTelemetry(this IServiceCollection services)
    {
        services.AddMonitorInstruments();
        return services;
    }

    /// <summary>
    /// The instruments alone, for a feature that records into them (the upstream client); the database gauges read their
    /// state only when a reader observes them, so a host without the database (the client on its own) still builds.
    /// </summary>
    public static IServiceCollection AddMonitorInstruments(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton(sp => new Lazy<ITelemetryStateSource>(sp.GetRequiredService<ITelemetryStateSource>));
        services.TryAddSingleton<MonitorInstruments>();
        services.TryAddTransient<UpstreamTelemetryHandler>();
        return services;
    }
}
