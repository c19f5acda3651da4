using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Monitor.Web.Security;

/// <summary>
/// Counts wrong or missing API keys per client IP. Only failures spend permits, so a client using a good key is never
/// slowed by this; an IP that has spent its failures is answered 429 before its key is even looked up.
/// </summary>
public sealed class ApiKeyFailureThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public ApiKeyFailureThrottle(IOptions<SecurityOptions> options)
    {
        var o = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(ip => RateLimitPartition.GetFixedWindowLimiter(ip, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = o.ApiKeyFailureLimit,
            Window = o.ApiKeyFailureWindow,
            QueueLimit = 0,
        }));
    }

    /// <returns>How long the IP must wait, or null when it may try a key.</returns>
    public TimeSpan? RetryAfter(IPAddress? client)
    {
        // Asking for zero permits peeks: it fails only while the window's permits are spent.
        using var lease = _limiter.AttemptAcquire(Partition(client), 0);
        return lease.IsAcquired ? null : RetryAfterOf(lease);
    }

    /// <returns>How long the IP must now wait, or null while it still has failures left.</returns>
    public TimeSpan? RecordFailure(IPAddress? client)
    {
        using var lease = _limiter.AttemptAcquire(Partition(client));
        return lease.IsAcquired ? null : RetryAfterOf(lease);
    }

    public void Dispose() => _limiter.Dispose();

    private static string Partition(IPAddress? client) => client?.ToString() ?? "unknown";

    private static TimeSpan RetryAfterOf(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
}
