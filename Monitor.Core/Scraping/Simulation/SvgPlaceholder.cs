using System.Globalization;

namespace Monitor.Core.Scraping.Simulation;

/// <summary>Small inline SVG images as data: URIs, so demo avatars and covers render offline with no external host.</summary>
internal static class SvgPlaceholder
{
    public static string Avatar(string nickname, ulong seed)
    {
        var initials = string.Concat(nickname.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w[0]).Where(char.IsLetterOrDigit).Take(2)).ToUpperInvariant();
        var svg = "<svg xmlns='http://www.w3.org/2000/svg' width='160' height='160' viewBox='0 0 160 160'>" +
            $"<rect width='160' height='160' rx='80' fill='{Color(seed, 45)}'/>" +
            "<text x='80' y='100' font-family='sans-serif' font-size='60' fill='#fff' text-anchor='middle'>" +
            $"{(initials.Length == 0 ? "?" : initials)}</text></svg>";
        return ToDataUri(svg);
    }

    public static string Cover(long number, ulong seed, bool isSlideshow)
    {
        var label = (isSlideshow ? "Photos " : "Video ") + number.ToString(CultureInfo.InvariantCulture);
        var svg = "<svg xmlns='http://www.w3.org/2000/svg' width='300' height='400' viewBox='0 0 300 400'>" +
            $"<rect width='300' height='400' fill='{Color(seed, 35)}'/>" +
            (isSlideshow
                ? "<rect x='110' y='160' width='80' height='60' rx='6' fill='none' stroke='#fff' stroke-width='8'/>"
                : "<polygon points='125,160 125,240 185,200' fill='#fff'/>") +
            $"<text x='150' y='300' font-family='sans-serif' font-size='26' fill='#fff' text-anchor='middle'>{label}</text></svg>";
        return ToDataUri(svg);
    }

    private static string Color(ulong seed, int lightness) =>
        $"hsl({seed % 360},55%,{lightness}%)";

    private static string ToDataUri(string svg) => "data:image/svg+xml;charset=utf-8," + Uri.EscapeDataString(svg);
}
