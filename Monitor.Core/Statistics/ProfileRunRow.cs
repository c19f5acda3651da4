namespace Monitor.Core.Statistics;

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
