namespace Monitor.Core.Reports;

/// <summary>A row of <see cref="ReportSql.LastPerBucket"/>.</summary>
internal sealed class ReportSeriesRow
{
    public Guid ProfileId { get; set; }
    public int DayIndex { get; set; }
    public double Value { get; set; }
}
