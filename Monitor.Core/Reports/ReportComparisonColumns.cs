using System.Globalization;
using Monitor.Core.Groups.Compare;

namespace Monitor.Core.Reports;

/// <summary>The compare table's columns a report shows (the page has room for five), and how each is written.</summary>
public static class ReportComparisonColumns
{
    public static IReadOnlyList<CompareColumn> All { get; } =
        [CompareColumns.Followers, CompareColumns.PostsPerWeek, CompareColumns.MedianViews, CompareColumns.MedianEngagementRate, CompareColumns.Credits];

    public static string Format(CompareColumn column, double? value)
    {
        ArgumentNullException.ThrowIfNull(column);
        return value switch
        {
            null => "—",
            { } v when column.Format == CompareFormat.Rate => (v * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%",
            { } v when column.Format == CompareFormat.OneDecimal => v.ToString("0.0", CultureInfo.InvariantCulture),
            { } v => Math.Round(v).ToString("#,0", CultureInfo.InvariantCulture),
        };
    }
}
