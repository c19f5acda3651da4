namespace Monitor.Core.Reports;

/// <summary>The <c>Reports</c> section.</summary>
public sealed class ReportOptions
{
    public const string SectionName = "Reports";

    /// <summary>How many days a sent report's PDF stays downloadable.</summary>
    public int KeepDays { get; set; } = ReportLimits.DefaultKeepDays;
}
