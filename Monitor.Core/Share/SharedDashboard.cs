using Monitor.Core.Reports;

namespace Monitor.Core.Share;

/// <summary>
/// Everything a shared page shows, and nothing else: for a profile its current totals, and for a profile or a group the
/// month so far against the month before (the report's figures, charts and top posts, covers inline; a group's compare
/// table). For a sent report, what its PDF is. Days are those of <see cref="TimeZone"/> (<c>Monitoring:TimeZone</c>).
/// </summary>
public sealed record SharedDashboard(
    ShareTargetKind Kind,
    string Title,
    string? Subtitle,
    DateTime AsOfUtc,
    string TimeZone,
    IReadOnlyList<SharedFigure> Current,
    DateTime? CurrentRecordedAt,
    ReportContent? Period,
    ReportImages? Charts,
    SharedReportFile? Report)
{
    /// <summary>Figures a client is not shown: what monitoring costs is the operator's business.</summary>
    public static bool IsShown(ReportFigure figure) => figure?.Key != "creditsSpent";
}
