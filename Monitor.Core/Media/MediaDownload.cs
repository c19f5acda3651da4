namespace Monitor.Core.Media;

/// <summary>The outcome of one download: an image (bytes, type, hash), or why not and whether trying again could help.</summary>
public sealed record MediaDownload(byte[]? Bytes, string? ContentType, string? Hash, string? Error, bool Permanent)
{
    public bool Succeeded => Bytes is not null;

    public static MediaDownload Image(byte[] bytes, string contentType) => new(bytes, contentType, MediaHash.Of(bytes), null, false);

    /// <summary>Not tried again for this URL: not an image, too large, not http(s).</summary>
    public static MediaDownload Refused(string error) => new(null, null, null, error, true);

    /// <summary>Tried again later with backoff: timeouts, connection errors, 5xx, 429.</summary>
    public static MediaDownload Failed(string error) => new(null, null, null, error, false);
}
