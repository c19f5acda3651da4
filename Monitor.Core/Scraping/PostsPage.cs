using Monitor.Core.Posts;

namespace Monitor.Core.Scraping;

/// <summary>One page of a profile's feed. <see cref="NextCursor"/> is sent back verbatim.</summary>
public sealed record PostsPage(IReadOnlyList<PostSnapshot> Posts, bool HasMore, string? NextCursor, long? CreditsRemaining)
{
    /// <summary>Captions longer than the column: their posts are kept, the text cut to fit (ending in "…").</summary>
    public int CaptionsCut { get; init; }

    /// <summary>False when the answer had no <c>has_more</c> (a trimmed answer): <see cref="HasMore"/> is then a guess.</summary>
    public bool HasMoreKnown { get; init; } = true;

    /// <summary>The monitored account as its posts' <c>author</c> shows it, counters included; null when no post carries them (trimmed answers).</summary>
    public FeedAuthor? Author { get; init; }
}
