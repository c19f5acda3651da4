namespace Monitor.Core.Notifications.Policies;

/// <summary>
/// A growth alert: a post's views rose by at least X % and at least Y views since its previous snapshot, that snapshot
/// being at most a day old. Both conditions, because a percentage alone fires on tiny posts (10 → 30 views) and a
/// count alone never fires on small accounts or always fires on huge ones. A snapshot older than a day is not a jump.
/// </summary>
public static class GrowthAlertPolicy
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    /// <returns>The rise in views, or null when it is no alert.</returns>
    public static long? Decide(long previousViews, DateTime previousAt, long currentViews, DateTime currentAt, GrowthThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var elapsed = currentAt - previousAt;
        if (elapsed <= TimeSpan.Zero || elapsed > Window)
        {
            return null;
        }

        var rise = currentViews - previousViews;
        if (rise <= 0 || rise < thresholds.GrowthViews)
        {
            return null;
        }

        // From zero views any rise is an infinite percentage: the count condition alone decides.
        return previousViews == 0 || rise * 100.0 / previousViews >= thresholds.GrowthPercent ? rise : null;
    }
}
