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
