using ScottPlot;

namespace Monitor.Core.Reports;

/// <summary>The report's charts, drawn on the server with ScottPlot to PNG (the same bytes go into the PDF and the email).</summary>
public static class ReportCharts
{
    public const int Width = 1000;
    public const int Height = 360;

    public static byte[] Followers(ReportContent content) => Line(content, content.Followers, "Followers", "followers, the last count of each day");

    public static byte[] TotalViews(ReportContent content) => Line(content, content.TotalViews, "Total views", "total views of the posts, the last run of each day");

    private static byte[] Line(ReportContent content, IReadOnlyList<ReportPoint> points, string title, string what)
    {
        ReportFonts.UseForCharts();
        var plot = new Plot();
        try
        {
            plot.Title($"{title} — {content.Previous.DescribeShort()} and {content.Period.DescribeShort()} ({content.Period.TimeZone})", 16);
            plot.YLabel(what, 12);
            if (points.Count > 0)
            {
                var xs = points.Select(p => p.Day.ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray();
                var ys = points.Select(p => p.Value).ToArray();
                var line = plot.Add.Scatter(xs, ys);
                line.LineWidth = 2;
                line.MarkerSize = 4;
                var days = plot.Axes.DateTimeTicksBottom();
                // Day and month in words ("16 Nov"), as the rest of the report writes dates; never the machine's culture.
                days.TickGenerator = new ScottPlot.TickGenerators.DateTimeAutomatic
                {
                    LabelFormatter = day => day.ToString("d MMM", System.Globalization.CultureInfo.InvariantCulture),
                };
                var split = plot.Add.VerticalLine(content.Period.Start.ToDateTime(TimeOnly.MinValue).ToOADate());
                split.Text = "this period →";
                split.LabelOppositeAxis = true;
                split.LinePattern = LinePattern.Dashed;
                split.Color = Colors.Gray;
            }
            else
            {
                var text = plot.Add.Text("No data recorded in these periods", 0, 0);
                text.LabelFontSize = 16;
                plot.Axes.Frameless();
            }

            return plot.GetImageBytes(Width, Height, ImageFormat.Png);
        }
        finally
        {
            plot.Dispose();
        }
    }
}
