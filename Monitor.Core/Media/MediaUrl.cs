namespace Monitor.Core.Media;

/// <summary>Which URLs the cache fetches, and when a new URL is the same image as the one already stored.</summary>
public static class MediaUrl
{
    public static bool TryParse(string? value, out Uri uri)
    {
        if (Uri.TryCreate(value, UriKind.Absolute, out var parsed) && IsHttp(parsed))
        {
            uri = parsed;
            return true;
        }

        uri = null!;
        return false;
    }

    public static bool IsHttp(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Length > 0;
    }

    /// <summary>
    /// TikTok signs its CDN links: every scrape gives the same image a new query (expiry, signature) and sometimes another
    /// CDN host. The path names the image, so a URL that differs only there is not downloaded again.
    /// </summary>
    public static bool SameImage(string? stored, string? current) =>
        TryParse(stored, out var a) && TryParse(current, out var b)
        && string.Equals(a.AbsolutePath, b.AbsolutePath, StringComparison.Ordinal);
}
