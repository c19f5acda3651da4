namespace Monitor.Core.Insights.BestTime;

internal sealed class BestTimeRow
{
    public int Weekday { get; init; }
    public int Hour { get; init; }
    public long Posts { get; init; }
    public long? MedianViews { get; init; }
}
