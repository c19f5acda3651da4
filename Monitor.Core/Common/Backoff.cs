namespace Monitor.Core.Common;

/// <summary>
/// How long to wait after a failure before trying again, for runs, deliveries and media alike: the listed delays in
/// turn, then the last one grown by <see cref="Factor"/> per further failure, never past <see cref="Max"/>; after
/// <see cref="MaxAttempts"/> attempts, give up. Pure: the table of tests is its specification.
/// </summary>
public sealed record Backoff
{
    private Backoff(IReadOnlyList<TimeSpan> delays, double factor, TimeSpan max, int maxAttempts)
    {
        ArgumentOutOfRangeException.ThrowIfZero(delays.Count);
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1d);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        (Delays, Factor, Max, MaxAttempts) = (delays, factor, max, maxAttempts);
    }

    public IReadOnlyList<TimeSpan> Delays { get; }

    public double Factor { get; }

    public TimeSpan Max { get; }

    /// <summary>Attempts in all, the first included.</summary>
    public int MaxAttempts { get; }

    /// <summary><paramref name="first"/>, then twice as long after each further failure, up to <paramref name="max"/>.</summary>
    public static Backoff Doubling(TimeSpan first, int maxAttempts, TimeSpan? max = null) =>
        new([first], 2, max ?? TimeSpan.MaxValue, maxAttempts);

    /// <summary>Exactly these waits, one per failure, then give up (one attempt more than there are waits).</summary>
    public static Backoff Listed(params TimeSpan[] delays) =>
        new([.. delays], 1, TimeSpan.MaxValue, delays.Length + 1);

    /// <param name="failedAttempts">Attempts made so far, the failed one included.</param>
    /// <returns>The wait before the next attempt, or null to give up.</returns>
    public TimeSpan? After(int failedAttempts)
    {
        if (failedAttempts < 1 || failedAttempts >= MaxAttempts)
        {
            return null;
        }

        if (failedAttempts <= Delays.Count)
        {
            return Min(Delays[failedAttempts - 1], Max);
        }

        // In doubles, so a long run of failures saturates at Max instead of overflowing.
        var ticks = Delays[^1].Ticks * Math.Pow(Factor, failedAttempts - Delays.Count);
        return ticks >= Max.Ticks ? Max : TimeSpan.FromTicks((long)ticks);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a <= b ? a : b;
}
