using SkiaSharp;

namespace Monitor.Core.Reports;

/// <summary>Writes top to bottom on A4 pages of a SkiaSharp PDF document, starting a new page when the next block does not fit.</summary>
internal sealed class PdfPageWriter(SKDocument document, string footer) : IDisposable
{
    public const float PageWidth = 595;
    public const float PageHeight = 842;
    public const float Margin = 40;
    public const float ContentWidth = PageWidth - (2 * Margin);

    private readonly SKPaint _ink = new() { Color = SKColors.Black, IsAntialias = true };
    private readonly SKPaint _muted = new() { Color = new SKColor(0x55, 0x55, 0x55), IsAntialias = true };
    private readonly SKPaint _rule = new() { Color = new SKColor(0xDD, 0xDD, 0xDD), StrokeWidth = 0.5f };
    private SKCanvas? _canvas;
    private int _page;

    public float Y { get; private set; }

    public SKCanvas Canvas => _canvas ?? throw new InvalidOperationException("No page is open.");

    public void NewPage()
    {
        EndPage();
        _canvas = document.BeginPage(PageWidth, PageHeight);
        _page++;
        Y = Margin;
        using var font = new SKFont(ReportFonts.Regular, 7.5f);
        Canvas.DrawText($"{footer} · page {_page}", Margin, PageHeight - 20, SKTextAlign.Left, font, _muted);
    }

    /// <summary>Starts a new page unless <paramref name="height"/> points still fit on this one.</summary>
    public void Ensure(float height)
    {
        if (_canvas is null || Y + height > PageHeight - Margin)
        {
            NewPage();
        }
    }

    public void Text(string text, float size, bool bold = false, bool muted = false, float x = Margin, float? width = null)
    {
        using var font = new SKFont(bold ? ReportFonts.Bold : ReportFonts.Regular, size);
        foreach (var line in Wrap(text, font, width ?? (ContentWidth - (x - Margin))))
        {
            Ensure(size * 1.35f);
            Y += size;
            Canvas.DrawText(line, x, Y, SKTextAlign.Left, font, muted ? _muted : _ink);
            Y += size * 0.35f;
        }
    }

    /// <summary>One line of cells at fixed x positions (right-aligned where the column says so), no wrapping.</summary>
    public void Row(IReadOnlyList<(string Text, float X, bool Right)> cells, float size, bool bold = false)
    {
        using var font = new SKFont(bold ? ReportFonts.Bold : ReportFonts.Regular, size);
        Ensure(size * 1.6f);
        Y += size;
        foreach (var (text, x, right) in cells)
        {
            Canvas.DrawText(text, x, Y, right ? SKTextAlign.Right : SKTextAlign.Left, font, _ink);
        }

        Y += size * 0.6f;
        Canvas.DrawLine(Margin, Y, PageWidth - Margin, Y, _rule);
    }

    public void Image(byte[] png, float width)
    {
        using var image = SKImage.FromEncodedData(png);
        var height = width * image.Height / image.Width;
        Ensure(height);
        Canvas.DrawImage(image, SKRect.Create(Margin, Y, width, height), new SKSamplingOptions(SKFilterMode.Linear));
        Y += height;
    }

    public void Space(float points) => Y += points;

    public void EndPage()
    {
        if (_canvas is not null)
        {
            document.EndPage();
            _canvas = null;
        }
    }

    public void Dispose()
    {
        _ink.Dispose();
        _muted.Dispose();
        _rule.Dispose();
    }

    private static IEnumerable<string> Wrap(string text, SKFont font, float width)
    {
        foreach (var paragraph in text.Split('\n'))
        {
            var line = string.Empty;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && font.MeasureText(candidate) > width)
                {
                    yield return line;
                    line = word;
                }
                else
                {
                    line = candidate;
                }
            }

            yield return line;
        }
    }
}
