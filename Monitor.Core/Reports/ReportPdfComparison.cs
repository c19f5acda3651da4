using Monitor.Core.Groups.Compare;

namespace Monitor.Core.Reports;

/// <summary>The group's compare table on its own page: one row a member (own first), then the two averages.</summary>
internal static class ReportPdfComparison
{
    public static void Write(PdfPageWriter page, GroupComparison comparison)
    {
        page.NewPage();
        page.Text($"{comparison.GroupName} side by side", 14, bold: true);
        page.Text($"Over the period's days {comparison.Period.From:yyyy-MM-dd} to {comparison.Period.To:yyyy-MM-dd} ({comparison.Period.TimeZone}).", 8, muted: true);
        page.Space(6);
        var columns = ReportComparisonColumns.All;
        var step = (PdfPageWriter.ContentWidth - 150) / columns.Count;
        float X(int i) => PdfPageWriter.Margin + 150 + (step * (i + 1));
        page.Row([("Profile", PdfPageWriter.Margin, false), .. columns.Select((c, i) => (c.Label, X(i), true))], 8.5f, bold: true);
        foreach (var row in comparison.Rows)
        {
            page.Row([("@" + row.Handle + (row.IsOwn ? " (own)" : ""), PdfPageWriter.Margin, false),
                .. columns.Select((c, i) => (ReportComparisonColumns.Format(c, c.Value(row)), X(i), true))], 8.5f);
        }

        foreach (var average in new[] { comparison.CompetitorAverage, comparison.GroupAverage })
        {
            page.Row([(average.Label, PdfPageWriter.Margin, false),
                .. columns.Select((c, i) => (ReportComparisonColumns.Format(c, average.Values.GetValueOrDefault(c.Key)), X(i), true))], 8.5f, bold: true);
        }

        page.Space(4);
        foreach (var column in columns)
        {
            page.Text($"{column.Label}: {column.Explanation}", 7.5f, muted: true);
        }

        page.Text($"{comparison.CompetitorAverage.Label}: {comparison.CompetitorAverage.Explanation} {comparison.GroupAverage.Label}: {comparison.GroupAverage.Explanation}", 7.5f, muted: true);
    }
}
