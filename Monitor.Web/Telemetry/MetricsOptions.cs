namespace Monitor.Web.Telemetry;

/// <summary>Settings "Metrics:Prometheus:*" and "Otlp:Endpoint": what is exported, and where.</summary>
public sealed class MetricsOptions
{
    public const string PrometheusSection = "Metrics:Prometheus";
    public const string OtlpEndpointKey = "Otlp:Endpoint";
    public const string Path = "/metrics";

    /// <summary>Serve <c>/metrics</c> for Prometheus (off by default).</summary>
    public bool PrometheusEnabled { get; init; }

    /// <summary>When set, a scrape must send <c>Authorization: Bearer &lt;key&gt;</c>; without it, 401.</summary>
    public string? PrometheusKey { get; init; }

    /// <summary>An OTLP collector (e.g. <c>http://otel-collector:4317</c>): traces and metrics are pushed there when set.</summary>
    public Uri? OtlpEndpoint { get; init; }

    public bool AnyExporter => PrometheusEnabled || OtlpEndpoint is not null;

    public static MetricsOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var prometheus = configuration.GetSection(PrometheusSection);
        var endpoint = configuration[OtlpEndpointKey];
        if (!string.IsNullOrWhiteSpace(endpoint) && !Uri.TryCreate(endpoint, UriKind.Absolute, out _))
        {
            throw new InvalidOperationException($"{OtlpEndpointKey} is not an absolute URL (e.g. http://otel-collector:4317).");
        }

        return new MetricsOptions
        {
            PrometheusEnabled = prometheus.GetValue<bool>("Enabled"),
            PrometheusKey = string.IsNullOrWhiteSpace(prometheus["Key"]) ? null : prometheus["Key"],
            OtlpEndpoint = string.IsNullOrWhiteSpace(endpoint) ? null : new Uri(endpoint),
        };
    }
}
