namespace Monitor.Core.Insights.SameAge;

internal sealed class SameAgeRow
{
    public Guid ProfileId { get; init; }
    public long Posts { get; init; }
    public long Known24 { get; init; }
    public long? Median24 { get; init; }
    public long Known7 { get; init; }
    public long? Median7 { get; init; }
}
