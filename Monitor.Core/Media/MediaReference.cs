using Monitor.Core.Posts;
using Monitor.Core.Profiles;

namespace Monitor.Core.Media;

/// <summary>
/// One owner's image (a profile's avatar or a post's cover): the URL the upstream gave and the stored copy's hash. Deleting
/// the profile or the post deletes the reference (cascade); the blob goes when nothing references it any more.
/// </summary>
public sealed class MediaReference
{
    public long Id { get; set; }
    public MediaKind Kind { get; set; }
    public Guid ProfileId { get; set; }
    public TiktokProfile? Profile { get; set; }

    /// <summary>Set for a cover; null for an avatar.</summary>
    public long? PostId { get; set; }

    public TiktokPost? Post { get; set; }

    /// <summary>The owner's current URL (the one to download).</summary>
    public required string SourceUrl { get; set; }

    public MediaState State { get; set; }

    /// <summary>SHA-256 of the stored bytes (lower-case hex), kept while a newer URL is pending so the UI still has an image.</summary>
    public string? Hash { get; set; }

    public string? ContentType { get; set; }
    public long? Size { get; set; }
    public DateTime? FetchedAt { get; set; }

    /// <summary>Failed attempts for the current URL.</summary>
    public int Attempts { get; set; }

    public DateTime? NextAttemptAt { get; set; }
    public string? LastError { get; set; }
}
