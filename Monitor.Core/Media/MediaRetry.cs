using Monitor.Core.Common;

namespace Monitor.Core.Media;

/// <summary>After a failed download: when to try again (the delay doubles, up to a day), or give up.</summary>
public static class MediaRetry
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromDays(1);

    /// <returns>The next attempt's time, or null to give up.</returns>
    public static DateTime? NextAttempt(int failedAttempts, DateTime now, MediaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Backoff.Doubling(options.RetryDelay, options.MaxAttempts, MaxDelay).After(Math.Max(1, failedAttempts)) is { } delay
            ? now + delay
            : null;
    }
}
