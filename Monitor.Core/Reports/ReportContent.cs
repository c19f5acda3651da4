using Monitor.Core.Groups.Compare;

namespace Monitor.Core.Reports;

/// <summary>Everything a report shows, assembled once and drawn into both the PDF and the email.</summary>
public sealed record ReportContent(
    string ReportName,
    string SubjectName,
    bool IsGroup,
    ReportPeriod Period,
    ReportPeriod Previous,
    IReadOnlyList<ReportFigure> Headline,
    IReadOnlyList<ReportPoint> Followers,
    IReadOnlyList<ReportPoint> TotalViews,
    IReadOnlyList<ReportPost> TopPosts,
    GroupComparison? Comparison,
    IReadOnlyList<ReportChange> Changes)
{
    public const int TopPostCount = 5;
    public const int MaxChanges = 20;
}
