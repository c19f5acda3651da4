namespace Monitor.Core.Statistics;

/// <summary>A row of <see cref="EndedRunsSql.PerDay"/>: the runs that ended on one day of the period.</summary>
internal sealed class DayRunRow
{
    public int DayIndex { get; set; }
    public long Runs { get; set; }
    public long Completed { get; set; }
    public long Failed { get; set; }
    public long Requests { get; set; }
}

/// <summary>A row of <see cref="EndedRunsSql.PerProfile"/>.</summary>
internal sealed class ProfileRunRow
{
    public Guid ProfileId { get; set; }
    public string Handle { get; set; } = "";
    public long Runs { get; set; }
    public long Failed { get; set; }
    public long Timed { get; set; }
    public double? MedianSeconds { get; set; }
    public double? MaxSeconds { get; set; }
}

/// <summary>A row of <see cref="EndedRunsSql.DurationsAtRanks"/>.</summary>
internal sealed class RankedDurationRow
{
    public long DurationRank { get; set; }
    public double Value { get; set; }
}
