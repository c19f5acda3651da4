namespace Monitor.Core.Statistics;

/// <summary>Nearest-rank percentiles of a sample (no interpolation: every figure is one that was observed).</summary>
public static class Percentiles
{
    public static double? Of(IReadOnlyList<double> sorted, double percentile)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
