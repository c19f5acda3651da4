using Monitor.Core.Common;
using Monitor.Core.Reports;
using SkiaSharp;

namespace Monitor.Tests.Reports;

/// <summary>A report's content built by hand (no database), for the rendering tests.</summary>
internal static class ReportSamples
{
    public static ReportPeriod Week48 { get; } = ReportPeriod.Of(ReportCadence.Weekly, ReportingTimeZone.FromId("Europe/Berlin"), new DateOnly(2026, 11, 23));

    public static ReportContent Content()
    {
        var period = Week48;
        var previous = period.Previous();
        var days = Enumerable.Range(0, 14).Select(i => previous.Start.AddDays(i)).ToList();
        return new ReportContent("Weekly client report", "@client.brand", IsGroup: false, period, previous,
            [
                new("followersGained", "Followers gained", "Followers at the end minus at the start.", 1_234, 1_000, ReportFigureFormat.Count),
                new("viewsGained", "Views gained", "Total views at the end minus at the start.", 98_765, 50_000, ReportFigureFormat.Count),
                new("postsPublished", "Posts published", "Posts posted in the period.", 4, 6, ReportFigureFormat.Count),
                new("medianEngagementRate", "Median engagement rate (by views)", "Median of (likes + comments + shares) ÷ views per post.", 0.0525, 0.05, ReportFigureFormat.Percent),
                new("creditsSpent", "Credits spent", "Credits the ledger charged.", 42, 40, ReportFigureFormat.Count),
            ],
            [.. days.Select((d, i) => new ReportPoint(d, 10_000 + (i * 150)))],
            [.. days.Select((d, i) => new ReportPoint(d, 1_000_000 + (i * 9_000)))],
            [
                new(1, "client.brand", "The best post of the week #launch", new DateTime(2026, 11, 24, 17, 0, 0, DateTimeKind.Utc), 120_000, 60_000, "https://www.tiktok.com/@client.brand/video/1", Thumbnail()),
                new(2, "client.brand", "A post without a cached cover", new DateTime(2026, 11, 26, 9, 30, 0, DateTimeKind.Utc), 30_000, 20_000, null, null),
            ],
            null,
            [new(new DateTime(2026, 11, 25, 8, 0, 0, DateTimeKind.Utc), "client.brand", "Caption edited", "old caption", "new caption")]);
    }

    /// <summary>A small JPEG, as the media cache stores a cover.</summary>
    public static byte[] Thumbnail()
    {
        using var bitmap = new SKBitmap(90, 120);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0x20, 0x80, 0xC0));
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 80);
        return data.ToArray();
    }
}
