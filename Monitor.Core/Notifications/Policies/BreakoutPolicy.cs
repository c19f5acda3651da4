namespace Monitor.Core.Notifications.Policies;

/// <summary>
/// A breakout: a post under <see cref="MaxAge"/> old with at least K times the median views the profile's other posts
/// had at the same age. Comparing at the same age is the point: a day-old post against posts a year old would never
/// break out. Fewer than <see cref="MinPeers"/> comparable posts is no baseline, so no alert.
/// </summary>
public static class BreakoutPolicy
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(7);

    public const int MinPeers = 3;

    /// <returns>The median the post is compared with, or null when it is no breakout.</returns>
    public static double? Decide(TimeSpan age, long views, IReadOnlyCollection<long> peerViewsAtSameAge, double multiple)
    {
        ArgumentNullException.ThrowIfNull(peerViewsAtSameAge);
        if (age < TimeSpan.Zero || age >= MaxAge || peerViewsAtSameAge.Count < MinPeers)
        {
            return null;
        }

        var median = Median(peerViewsAtSameAge);
        // A median of zero would make every viewed post a breakout.
        return median > 0 && views >= multiple * median ? median : null;
    }

    public static double Median(IReadOnlyCollection<long> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return 0;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }
}
