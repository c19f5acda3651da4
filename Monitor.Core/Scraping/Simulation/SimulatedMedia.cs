using System.Globalization;

namespace Monitor.Core.Scraping.Simulation;

/// <summary>
/// The simulator's CDN: cover and avatar URLs on a host that does not exist (<c>.invalid</c>), answered in-process by
/// <see cref="SimulatedMediaHandler"/> on the media cache's client with small generated PNGs. The browser cannot load the
/// original URL (like a dead TikTok link), so the demo shows thumbnails once the cache has them, a placeholder before.
/// </summary>
public static class SimulatedMedia
{
    public const string Host = "media.simulated.invalid";

    public static string AvatarUrl(string handle) =>
        $"https://{Host}/avatar/{StableHash.Of(handle):x16}.png";

    public static string CoverUrl(string awemeId, bool isSlideshow) =>
        $"https://{Host}/cover/{StableHash.Of(awemeId):x16}-{(isSlideshow ? "photo" : "video")}.png";

    /// <returns>The PNG for a path this class made, or null.</returns>
    public static byte[]? Render(string path)
    {
        var parts = path.Trim('/').Split('/');
        if (parts.Length != 2 || !parts[1].EndsWith(".png", StringComparison.Ordinal))
        {
            return null;
        }

        var name = parts[1][..^4].Split('-');
        if (!ulong.TryParse(name[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var seed))
        {
            return null;
        }

        return (parts[0], name.Length) switch
        {
            ("avatar", 1) => Avatar(seed),
            ("cover", 2) => Cover(seed, name[1] == "photo"),
            _ => null,
        };
    }

    private static byte[] Avatar(ulong seed)
    {
        var background = Colour(seed, 0.45);
        var face = Colour(seed + 180, 0.80);
        return PngImage.Encode(64, 64, (x, y) =>
        {
            var head = Square(x - 32) + Square(y - 24) < 13 * 13;
            var shoulders = y > 42 && Square(x - 32) + Square(y - 64) < 24 * 24;
            return head || shoulders ? face : background;
        });
    }

    private static byte[] Cover(ulong seed, bool isSlideshow)
    {
        var background = Colour(seed, 0.35);
        return PngImage.Encode(60, 80, (x, y) =>
        {
            var mark = isSlideshow
                ? x is >= 20 and < 40 && y is >= 30 and < 46 && (x is < 23 or >= 37 || y is < 33 or >= 43)
                : x >= 24 && x < 40 && Math.Abs(y - 40) < (40 - x) * 0.6;
            return mark ? 0xFFFFFF : background;
        });
    }

    private static int Square(int value) => value * value;

    /// <summary>A saturated colour with the seed's hue.</summary>
    private static int Colour(ulong seed, double lightness)
    {
        var hue = seed % 360 / 60.0;
        const double saturation = 0.55;
        var chroma = (1 - Math.Abs((2 * lightness) - 1)) * saturation;
        var second = chroma * (1 - Math.Abs((hue % 2) - 1));
        var (r, g, b) = (int)hue switch
        {
            0 => (chroma, second, 0.0),
            1 => (second, chroma, 0.0),
            2 => (0.0, chroma, second),
            3 => (0.0, second, chroma),
            4 => (second, 0.0, chroma),
            _ => (chroma, 0.0, second),
        };
        var m = lightness - (chroma / 2);
        return (Channel(r + m) << 16) | (Channel(g + m) << 8) | Channel(b + m);
    }

    private static int Channel(double value) => (int)Math.Round(Math.Clamp(value, 0, 1) * 255);
}
