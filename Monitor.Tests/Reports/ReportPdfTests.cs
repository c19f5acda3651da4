using System.Diagnostics;
using Monitor.Core.Reports;
using Monitor.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace Monitor.Tests.Reports;

/// <summary>The PDF read back: its pages, the period on the first page, the headline figures; and drawn to PNG by poppler for a look.</summary>
public sealed class ReportPdfTests
{
    [Fact]
    public void Render_ReadBack_HasThePeriodAndTheHeadlineFiguresOnPageOne()
    {
        var content = ReportSamples.Content();

        var rendered = RenderedReport.Render(content, new DateTime(2026, 11, 30, 7, 0, 0, DateTimeKind.Utc));

        using var pdf = PdfDocument.Open(rendered.Pdf);
        Assert.Equal(2, pdf.NumberOfPages);
        var first = Flat(pdf.GetPage(1));
        Assert.Contains(Flat("Week 48, Mon 23 – Sun 29 Nov 2026 (Europe/Berlin)"), first, StringComparison.Ordinal);
        Assert.Contains(Flat("Week 47, Mon 16 – Sun 22 Nov 2026 (Europe/Berlin)"), first, StringComparison.Ordinal);
        Assert.Contains(Flat("Followers gained 1,234 1,000 +234 (+23.4%)"), first, StringComparison.Ordinal);
        Assert.Contains(Flat("Views gained 98,765 50,000 +48,765 (+97.5%)"), first, StringComparison.Ordinal);
        Assert.Contains(Flat("Posts published 4 6 −2 (−33.3%)"), first, StringComparison.Ordinal);
        Assert.Contains(Flat("5.25% 5.00% +0.25 pp"), first, StringComparison.Ordinal);
        Assert.Contains(Flat("(likes + comments + shares) ÷ views"), first, StringComparison.Ordinal);
        var second = Flat(pdf.GetPage(2));
        Assert.Contains(Flat("1. @client.brand · +60,000 views"), second, StringComparison.Ordinal);
        Assert.Contains(Flat("Caption edited"), second, StringComparison.Ordinal);
        Assert.Equal("Weekly-client-report-2026-11-23.pdf", rendered.FileName);
    }

    [Fact]
    public async Task Render_Pdftoppm_DrawsEachPageToPng()
    {
        var rendered = RenderedReport.Render(ReportSamples.Content(), DateTime.UtcNow);
        var folder = Path.Combine(RepositoryPaths.Root, "artifacts", "reports");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "weekly-report.pdf");
        await File.WriteAllBytesAsync(file, rendered.Pdf);
        await File.WriteAllBytesAsync(Path.Combine(folder, "followers-chart.png"), rendered.Images.FollowersChart);

        var pdftoppm = new[] { "/usr/bin/pdftoppm", "/usr/local/bin/pdftoppm" }.FirstOrDefault(File.Exists);
        Assert.True(pdftoppm is not null, "pdftoppm is missing: install poppler-utils (apt-get install poppler-utils; scripts/test.sh does).");
        using var process = Process.Start(new ProcessStartInfo(pdftoppm, ["-png", "-r", "80", file, Path.Combine(folder, "weekly-report")])
        {
            RedirectStandardError = true,
        })!;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var errors = await process.StandardError.ReadToEndAsync(deadline.Token);
        await process.WaitForExitAsync(deadline.Token);

        Assert.True(process.ExitCode == 0, errors);
        foreach (var page in new[] { "weekly-report-1.png", "weekly-report-2.png" })
        {
            var png = await File.ReadAllBytesAsync(Path.Combine(folder, page));
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
            Assert.True(png.Length > 10_000, $"{page} is {png.Length} bytes: an empty page?");
        }
    }

    private static string Flat(UglyToad.PdfPig.Content.Page page) => Flat(string.Concat(page.Letters.Select(l => l.Value)));

    private static string Flat(string text) => new([.. text.Where(c => !char.IsWhiteSpace(c))]);
}
