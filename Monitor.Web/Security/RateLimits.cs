using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Monitor.Web.Security;

/// <summary>ASP.NET Core rate limiting: per API key on /api, per client IP on the sign-in and setup forms.</summary>
internal static class RateLimits
{
    public const string SignInPolicy = "sign-in";

    public static IServiceCollection AddMonitorRateLimits(this IServiceCollection services, SecurityOptions options)
    {
        services.AddRateLimiter(limiter =>
        {
            // The key was found by ApiKeyMiddleware, which runs first; requests without one are not limited here.
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.GetApiKey() is { } key
                    ? RateLimitPartition.GetFixedWindowLimiter("key:" + key.PartitionKey, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = options.ApiPermitLimit,
                        Window = options.ApiWindow,
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            limiter.AddPolicy(SignInPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInPermitLimit, Window = options.SignInWindow, QueueLimit = 0 }));
            limiter.OnRejected = (rejected, _) =>
            {
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : (TimeSpan?)null;
                var api = rejected.HttpContext.GetApiKey() is not null;
                return new ValueTask(SecurityProblem.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests,
                    api ? "Rate limit of this API key reached" : "Too many sign-in attempts",
                    api ? $"This key may make {options.ApiPermitLimit} requests per {options.ApiWindow}; wait before the next one."
                        : "Too many attempts from this address; wait a minute and try again.",
                    wait));
            };
        });
        return services;
    }
}
