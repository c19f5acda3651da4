namespace Monitor.Core.Reports;

/// <summary>The report's charts as PNG, drawn once for the PDF and the email.</summary>
public sealed record ReportImages(byte[] FollowersChart, byte[] ViewsChart)
{
    public static ReportImages Draw(ReportContent content) => new(ReportCharts.Followers(content), ReportCharts.TotalViews(content));
}
