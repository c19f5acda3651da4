using Monitor.Core.Posts;

namespace Monitor.Core.Scraping;

/// <summary>One page of a profile's feed. <see cref="NextCursor"/> is sent back verbatim.</summary>
public sealed record PostsPage(IReadOnlyList<PostSnapshot> Posts, bool HasMore, string? NextCursor)
{
    /// <summary>Captions longer than the column: their posts are kept, the text cut to fit (ending in "…").</summary>
    public int CaptionsCut { get; init; }

    /// <summary>Posts skipped for want of a usable id, or written without a refused counter (which keeps its last value).</summary>
    public IReadOnlyList<OddPost> OddPosts { get; init; } = [];

    /// <summary>False when the answer had no <c>has_more</c> (a trimmed answer): <see cref="HasMore"/> is then a guess.</summary>
    public bool HasMoreKnown { get; init; } = true;

    /// <summary>The monitored account as its posts' <c>author</c> shows it, counters included; null when no post carries them (trimmed answers).</summary>
    public FeedAuthor? Author { get; init; }
}
