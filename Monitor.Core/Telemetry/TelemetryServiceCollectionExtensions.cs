using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Monitor.Core.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The "Monitor" meter's instruments and what feeds them; the exporters are the host's (Monitor.Web).</summary>
    public static IServiceCollection AddMonitorTelemetry(this IServiceCollection services)
    {
        services.AddMonitorInstruments();
        services.AddSingleton<RunTelemetry>();
        services.AddHostedService(sp => sp.GetRequiredService<RunTelemetry>());
        return services;
    }

    /// <summary>
    /// The instruments alone, for a feature that records into them (the upstream client); the database gauges read their
    /// state only when a reader observes them, so a host without the database (the client on its own) still builds.
    /// </summary>
    public static IServiceCollection AddMonitorInstruments(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<TelemetryStateReader>();
        services.TryAddSingleton(sp => new Lazy<TelemetryStateReader>(sp.GetRequiredService<TelemetryStateReader>));
        services.TryAddSingleton<MonitorInstruments>();
        services.TryAddTransient<UpstreamTelemetryHandler>();
        return services;
    }
}
