namespace Monitor.Core.Reports;

/// <summary>A report's content with its charts and its PDF, drawn once for storage, download and email.</summary>
public sealed record RenderedReport(ReportContent Content, ReportImages Images, byte[] Pdf)
{
    public string FileName => ReportEmailComposer.FileName(Content);

    public static RenderedReport Render(ReportContent content, DateTime createdAtUtc)
    {
        var images = ReportImages.Draw(content);
        return new RenderedReport(content, images, ReportPdfRenderer.Render(content, images, createdAtUtc));
    }
}
