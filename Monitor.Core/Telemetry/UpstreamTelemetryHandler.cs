using System.Diagnostics;

namespace Monitor.Core.Telemetry;

/// <summary>
/// Counts and times every attempt of a ScrapeCreators request (it sits inside the resilience pipeline, so each retry
/// passes through), by endpoint and status class. Endpoints outside the known routes are one label, "other".
/// </summary>
internal sealed class UpstreamTelemetryHandler(MonitorInstruments instruments) : DelegatingHandler
{
    private static readonly HashSet<string> KnownEndpoints = new(StringComparer.OrdinalIgnoreCase)
    {
        "/v1/tiktok/profile", "/v3/tiktok/profile/videos", "/v1/account/credit-balance", "/v1/account/get-daily-usage-count",
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.RequestUri?.AbsolutePath ?? "";
        var endpoint = KnownEndpoints.Contains(path) ? path.ToLowerInvariant() : "other";
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            instruments.UpstreamRequest(endpoint, StatusClassOf((int)response.StatusCode), Stopwatch.GetElapsedTime(started));
            return response;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            instruments.UpstreamRequest(endpoint, ex is HttpRequestException ? "error" : cancellationToken.IsCancellationRequested ? "canceled" : "timeout", Stopwatch.GetElapsedTime(started));
            throw;
        }
    }

    /// <summary>2xx, 3xx, 4xx, 5xx, with 429 apart: rate limiting is what a scraper watches for.</summary>
    public static string StatusClassOf(int status) => status == 429 ? "429" : $"{status / 100}xx";
}
