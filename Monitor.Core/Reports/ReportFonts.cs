using SkiaSharp;

namespace Monitor.Core.Reports;

/// <summary>
/// DejaVu Sans, embedded in this assembly (Bitstream Vera licence, which allows embedding; see Fonts/DejaVu-LICENSE.txt),
/// so charts and PDFs render the same on a bare server without any system font or fontconfig.
/// </summary>
public static class ReportFonts
{
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<SKTypeface> LazyRegular = new(() => Load("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> LazyBold = new(() => Load("DejaVuSans-Bold.ttf"));
    private static readonly Lazy<bool> ChartFonts = new(() =>
    {
        ScottPlot.Fonts.FontResolvers.Insert(0, new ReportFontResolver());
        ScottPlot.Fonts.Default = Family;
        return true;
    });

    public static SKTypeface Regular => LazyRegular.Value;

    public static SKTypeface Bold => LazyBold.Value;

    /// <summary>Makes ScottPlot draw with the embedded font (its settings are process-wide); idempotent.</summary>
    public static void UseForCharts() => _ = ChartFonts.Value;

    private static SKTypeface Load(string file)
    {
        using var stream = typeof(ReportFonts).Assembly.GetManifestResourceStream($"Monitor.Core.Reports.Fonts.{file}")
            ?? throw new InvalidOperationException($"The embedded font {file} is missing from Monitor.Core.");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"The embedded font {file} cannot be read.");
    }
}
