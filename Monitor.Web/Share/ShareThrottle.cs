using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Monitor.Web.Share;

/// <summary>
/// The shared pages' rate limits, with .NET's rate limiters: every view spends a permit of its client address and one of
/// its link (chained, so neither a crawler on one address nor many addresses on one link get through), and wrong
/// passwords spend their link's small failure allowance, so a password cannot be guessed at speed.
/// </summary>
public sealed class ShareThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<ShareRequest> _views;
    private readonly PartitionedRateLimiter<string> _passwordFailures;

    public ShareThrottle(IOptions<ShareOptions> options)
    {
        var o = options.Value;
        var byAddress = PartitionedRateLimiter.Create<ShareRequest, string>(r => RateLimitPartition.GetFixedWindowLimiter(r.Address,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = o.ViewsPerAddress, Window = o.Window, QueueLimit = 0 }));
        var byLink = PartitionedRateLimiter.Create<ShareRequest, string>(r => RateLimitPartition.GetFixedWindowLimiter(r.Link,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = o.ViewsPerLink, Window = o.Window, QueueLimit = 0 }));
        _views = PartitionedRateLimiter.CreateChained(byAddress, byLink);
        _passwordFailures = PartitionedRateLimiter.Create<string, string>(link => RateLimitPartition.GetFixedWindowLimiter(link,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = o.PasswordFailures, Window = o.PasswordFailureWindow, QueueLimit = 0 }));
    }

    /// <returns>How long to wait, or null when this view may go ahead.</returns>
    public TimeSpan? TryView(IPAddress? client, string token)
    {
        using var lease = _views.AttemptAcquire(new ShareRequest(client?.ToString() ?? "unknown", Partition(token)));
        return lease.IsAcquired ? null : RetryAfterOf(lease);
    }

    /// <returns>How long to wait, or null while the link may still take a password.</returns>
    public TimeSpan? PasswordBlocked(string token)
    {
        // Asking for zero permits peeks: it fails only while the window's failures are spent.
        using var lease = _passwordFailures.AttemptAcquire(Partition(token), 0);
        return lease.IsAcquired ? null : RetryAfterOf(lease);
    }

    public void RecordPasswordFailure(string token)
    {
        using var lease = _passwordFailures.AttemptAcquire(Partition(token));
    }

    public void Dispose()
    {
        _views.Dispose();
        _passwordFailures.Dispose();
    }

    /// <summary>A made-up token of any length must not become a partition of its own size: anything not token-shaped shares one.</summary>
    private static string Partition(string token) => Monitor.Core.Share.ShareToken.IsWellFormed(token) ? token : "malformed";

    private static TimeSpan RetryAfterOf(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);

    private readonly record struct ShareRequest(string Address, string Link);
}
