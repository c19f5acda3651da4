using Microsoft.Extensions.DependencyInjection;

namespace Monitor.Core.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The "Monitor" meter's instruments and what feeds them; the exporters are the host's (Monitor.Web).</summary>
    public static IServiceCollection AddMonitorTelemetry(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton<TelemetryStateReader>();
        services.AddSingleton<MonitorInstruments>();
        services.AddTransient<UpstreamTelemetryHandler>();
        services.AddSingleton<RunTelemetry>();
        services.AddHostedService(sp => sp.GetRequiredService<RunTelemetry>());
        return services;
    }
}
