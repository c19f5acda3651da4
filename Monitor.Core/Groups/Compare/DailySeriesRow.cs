namespace Monitor.Core.Groups.Compare;

/// <summary>A row of <see cref="DailySeriesSql.LastOfDay"/>.</summary>
internal sealed class DailySeriesRow
{
    public Guid ProfileId { get; set; }
    public int DayIndex { get; set; }
    public double Value { get; set; }
}
