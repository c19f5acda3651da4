using System.Globalization;
using SkiaSharp;

namespace Monitor.Core.Reports;

/// <summary>
/// The report as a PDF, with SkiaSharp's PDF backend: ScottPlot already brings SkiaSharp, so the charts, the text and
/// the document share one MIT-licensed graphics stack and one embedded font, with no second PDF library to license.
/// </summary>
public static class ReportPdfRenderer
{
    private const float M = PdfPageWriter.Margin;
    private const float Right = PdfPageWriter.PageWidth - PdfPageWriter.Margin;

    public static byte[] Render(ReportContent content, ReportImages images, DateTime createdAtUtc)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(images);
        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = $"{content.ReportName} — {content.Period.Describe()}",
            Author = "TikTok Profile Monitor",
            Creator = "TikTok Profile Monitor",
            Creation = createdAtUtc,
            Modified = createdAtUtc,
        };
        using (var document = SKDocument.CreatePdf(stream, metadata))
        using (var page = new PdfPageWriter(document, $"{content.ReportName} · {content.Period.Describe()}"))
        {
            page.NewPage();
            Headline(page, content);
            page.Space(10);
            page.Image(images.FollowersChart, PdfPageWriter.ContentWidth);
            page.Space(6);
            page.Image(images.ViewsChart, PdfPageWriter.ContentWidth);
            TopPosts(page, content);
            if (content.Comparison is { } comparison)
            {
                ReportPdfComparison.Write(page, comparison);
            }

            Changes(page, content);
            page.EndPage();
            document.Close();
        }

        return stream.ToArray();
    }

    private static void Headline(PdfPageWriter page, ReportContent content)
    {
        page.Text(content.ReportName, 20, bold: true);
        page.Text($"{(content.IsGroup ? "Group" : "Profile")}: {content.SubjectName}", 12);
        page.Text(content.Period.Describe(), 13, bold: true);
        page.Text($"Compared with the previous {(content.Period.Cadence == ReportCadence.Weekly ? "week" : "month")}: {content.Previous.Describe()}", 9, muted: true);
        page.Space(8);
        page.Row([("Figure", M, false), ("This period", 330, true), ("Previous", 420, true), ("Change", Right, true)], 10, bold: true);
        foreach (var figure in content.Headline)
        {
            page.Row([(figure.Label, M, false), (ReportFormat.Value(figure.Current, figure.Format), 330, true),
                (ReportFormat.Value(figure.Previous, figure.Format), 420, true), (ReportFormat.Change(figure), Right, true)], 10);
        }

        page.Space(4);
        foreach (var figure in content.Headline)
        {
            page.Text($"{figure.Label}: {figure.Explanation}", 7.5f, muted: true);
        }
    }

    private static void TopPosts(PdfPageWriter page, ReportContent content)
    {
        page.NewPage();
        page.Text($"Top {ReportContent.TopPostCount} posts of the period by views gained", 14, bold: true);
        page.Text("Views gained: the post's last view count in the period minus its last count before the period (0 for a post first seen in it).", 7.5f, muted: true);
        page.Space(6);
        if (content.TopPosts.Count == 0)
        {
            page.Text("No post gained views in this period.", 10);
        }

        const float thumbWidth = 54;
        const float thumbHeight = 72;
        foreach (var (post, rank) in content.TopPosts.Select((p, i) => (p, i + 1)))
        {
            page.Ensure(thumbHeight + 8);
            var top = page.Y;
            Thumbnail(page.Canvas, post.Thumbnail, SKRect.Create(M, top, thumbWidth, thumbHeight));
            var x = M + thumbWidth + 10;
            page.Text(string.Create(CultureInfo.InvariantCulture, $"{rank}. @{post.Handle} · +{post.ViewsGained:#,0} views ({post.Views:#,0} in all)"), 10, bold: true, x: x);
            page.Text($"Posted {ReportFormat.Time(post.PostedAt, content.Period.TimeZone)} ({content.Period.TimeZone})", 8, muted: true, x: x);
            page.Text(ReportFormat.Excerpt(post.Description, 220), 8.5f, x: x);
            page.Space(Math.Max(0, top + thumbHeight + 8 - page.Y));
        }
    }

    private static void Thumbnail(SKCanvas canvas, byte[]? bytes, SKRect rect)
    {
        using var image = bytes is null ? null : SKImage.FromEncodedData(bytes);
        if (image is not null)
        {
            canvas.DrawImage(image, rect, new SKSamplingOptions(SKFilterMode.Linear));
            return;
        }

        using var fill = new SKPaint { Color = new SKColor(0xEE, 0xEE, 0xEE) };
        using var ink = new SKPaint { Color = new SKColor(0x88, 0x88, 0x88), IsAntialias = true };
        using var font = new SKFont(ReportFonts.Regular, 7);
        canvas.DrawRect(rect, fill);
        canvas.DrawText("no cover", rect.MidX, rect.MidY, SKTextAlign.Center, font, ink);
        canvas.DrawText("cached", rect.MidX, rect.MidY + 9, SKTextAlign.Center, font, ink);
    }

    private static void Changes(PdfPageWriter page, ReportContent content)
    {
        page.Space(14);
        page.Ensure(60);
        page.Text("Notable changes in the period", 14, bold: true);
        page.Text($"From the change log, newest first (at most {ReportContent.MaxChanges}); times in {content.Period.TimeZone}.", 7.5f, muted: true);
        if (content.Changes.Count == 0)
        {
            page.Text("No change was recorded in this period.", 10);
        }

        foreach (var change in content.Changes)
        {
            var detail = change.OldValue is null && change.NewValue is null ? ""
                : $": {ReportFormat.Excerpt(change.OldValue, 60)} → {ReportFormat.Excerpt(change.NewValue, 60)}";
            page.Text($"{ReportFormat.Time(change.OccurredAt, content.Period.TimeZone)} · @{change.Handle} · {change.Label}{detail}", 8.5f);
        }
    }
}
