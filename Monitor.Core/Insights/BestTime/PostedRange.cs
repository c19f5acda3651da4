namespace Monitor.Core.Insights.BestTime;

internal sealed class PostedRange
{
    public DateTime? First { get; init; }
    public DateTime? Last { get; init; }
}
