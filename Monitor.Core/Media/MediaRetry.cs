namespace Monitor.Core.Media;

/// <summary>After a failed download: when to try again (the delay doubles), or give up.</summary>
public static class MediaRetry
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromDays(1);

    /// <returns>The next attempt's time, or null to give up.</returns>
    public static DateTime? NextAttempt(int failedAttempts, DateTime now, MediaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (failedAttempts >= options.MaxAttempts)
        {
            return null;
        }

        var factor = Math.Pow(2, Math.Max(0, failedAttempts - 1));
        var delay = TimeSpan.FromTicks((long)Math.Min(options.RetryDelay.Ticks * factor, MaxDelay.Ticks));
        return now + delay;
    }
}
