namespace Monitor.Core.Media;

/// <summary>Where one reference's download stands. A cached copy (<see cref="MediaReference.Hash"/>) may outlive a newer URL's failure.</summary>
public enum MediaState
{
    /// <summary>The current URL is waiting for its download (or its retry, after <see cref="MediaReference.NextAttemptAt"/>).</summary>
    Pending,

    /// <summary>The current URL's image is stored.</summary>
    Cached,

    /// <summary>Not downloaded, and not tried again until the URL changes: not an image, too large, too many failures, or not http(s).</summary>
    GaveUp,
}
