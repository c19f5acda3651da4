using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Monitor.Core.Common;

namespace Monitor.Web.Telemetry;

/// <summary><c>/health</c>: 200 or 503 as before, with a small JSON body that names the status and the app's version.</summary>
public static class HealthResponse
{
    public static HealthCheckOptions Options { get; } = new() { ResponseWriter = WriteAsync };

    private static Task WriteAsync(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            version = AppVersion.Informational,
        }));
    }
}
