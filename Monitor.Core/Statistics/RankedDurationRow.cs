namespace Monitor.Core.Statistics;

/// <summary>A row of <see cref="EndedRunsSql.DurationsAtRanks"/>.</summary>
internal sealed class RankedDurationRow
{
    public long DurationRank { get; set; }
    public double Value { get; set; }
}
