namespace Monitor.Core.Reports;

/// <summary>A row of <see cref="ReportSql.TopPostsByViewsGained"/>.</summary>
internal sealed class ReportPostRow
{
    public long PostId { get; set; }
    public long Views { get; set; }
    public long Gained { get; set; }
}
