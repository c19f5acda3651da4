namespace Monitor.Core.Media;

/// <summary>The media cache (section <c>Media</c>): copies of covers and avatars, since TikTok's signed URLs expire.</summary>
public sealed class MediaOptions
{
    public const string SectionName = "Media";

    /// <summary>Off: nothing is downloaded; the UI shows the original URLs (and copies already cached).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A download longer than this is cut off while streaming and not stored.</summary>
    public long MaxBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>For one download, headers and body together.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Downloads in flight at once on one node.</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>How often a media-cache node looks for new or changed covers and avatars.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts before an image is given up (the wait doubles after each failure, from <see cref="RetryDelay"/>).</summary>
    public int MaxAttempts { get; set; } = 4;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Images fetched per pass (the next pass takes the rest).</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>
    /// Off (the default): images are fetched only from public addresses, never from loopback, private or link-local
    /// ones, since their URLs come from the upstream. On for a CDN or test server inside your own network.
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }

    public const long MaxBytesLimit = 50 * 1024 * 1024;
    public const int ConcurrencyLimit = 64;
}
