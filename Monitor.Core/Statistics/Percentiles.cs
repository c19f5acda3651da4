namespace Monitor.Core.Statistics;

/// <summary>Nearest-rank percentiles of a sample (no interpolation: every figure is one that was observed).</summary>
public static class Percentiles
{
    public static double? Of(IReadOnlyList<double> sorted, double percentile)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        return sorted.Count == 0 ? null : sorted[RankOf(sorted.Count, percentile) - 1];
    }

    /// <summary>The 1-based rank, in ascending order, of the <paramref name="percentile"/> of <paramref name="count"/> values (at least one).</summary>
    public static int RankOf(long count, double percentile)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var rank = (int)Math.Ceiling(percentile / 100 * count);
        return (int)Math.Clamp(rank, 1, count);
    }
}
