using System.Security.Cryptography;
using System.Text;

namespace Monitor.Web.Telemetry;

/// <summary>
/// The door of <c>/metrics</c> when <c>Metrics:Prometheus:Key</c> is set: <c>Authorization: Bearer &lt;key&gt;</c>
/// (Prometheus's <c>authorization</c> scrape setting), compared in constant time. Metrics name no secret, but they do
/// tell how busy the monitor is and what it spends.
/// </summary>
public sealed class MetricsKeyMiddleware(RequestDelegate next, MetricsOptions options)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (options.PrometheusKey is not { } key || Matches(context.Request.Headers.Authorization.ToString(), key))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return context.Response.WriteAsync("Send Metrics:Prometheus:Key as 'Authorization: Bearer <key>'.");
    }

    private static bool Matches(string header, string key)
    {
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()));
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return CryptographicOperations.FixedTimeEquals(presented, expected);
    }
}
