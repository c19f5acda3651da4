using ScottPlot;
using SkiaSharp;

namespace Monitor.Core.Reports;

/// <summary>Answers ScottPlot's font requests with the embedded DejaVu Sans, whatever family it asks for.</summary>
internal sealed class ReportFontResolver : IFontResolver
{
    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) => bold ? ReportFonts.Bold : ReportFonts.Regular;

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
        weight >= FontWeight.SemiBold ? ReportFonts.Bold : ReportFonts.Regular;
}
