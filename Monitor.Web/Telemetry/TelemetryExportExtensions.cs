using Monitor.Core.Common;
using Monitor.Core.Telemetry;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Monitor.Web.Telemetry;

public static class TelemetryExportExtensions
{
    /// <summary>
    /// OpenTelemetry for the app's meter, ASP.NET Core, HttpClient, the runtime and Npgsql, exported to Prometheus
    /// (<c>/metrics</c>) and/or OTLP (metrics and traces). With neither configured nothing is collected at all.
    /// </summary>
    public static IServiceCollection AddTelemetryExport(this IServiceCollection services, IConfiguration configuration)
    {
        var options = MetricsOptions.FromConfiguration(configuration);
        services.AddSingleton(options);
        if (!options.AnyExporter)
        {
            return services;
        }

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("monitor", serviceVersion: AppVersion.Informational))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(MonitorInstruments.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddNpgsqlInstrumentation();
                if (options.PrometheusEnabled)
                {
                    metrics.AddPrometheusExporter();
                }

                if (options.OtlpEndpoint is { } endpoint)
                {
                    metrics.AddOtlpExporter(o => o.Endpoint = endpoint);
                }
            });
        if (options.OtlpEndpoint is { } traces)
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddOtlpExporter(o => o.Endpoint = traces));
        }

        return services;
    }

    /// <summary><c>/metrics</c> when <c>Metrics:Prometheus:Enabled</c>, behind its key when one is set; else nothing (404).</summary>
    public static IEndpointRouteBuilder MapPrometheusMetrics(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<MetricsOptions>();
        if (options.PrometheusEnabled)
        {
            app.MapPrometheusScrapingEndpoint(MetricsOptions.Path, meterProvider: null,
                configureBranchedPipeline: branch => branch.UseMiddleware<MetricsKeyMiddleware>(), optionsName: null);
        }

        return app;
    }
}
