namespace Monitor.Core.Scans;

/// <summary>
/// Decides when to stop paging a feed. The upstream's <c>has_more</c> is the normal end; the guards stop a cursor
/// that repeats, a page that adds no new post, and a feed past the page cap, so a broken upstream cannot loop forever.
/// </summary>
internal sealed class FeedPager(int maxPages)
{
    private readonly HashSet<string> _cursors = new(StringComparer.Ordinal);
    private readonly HashSet<string> _postIds = new(StringComparer.Ordinal);

    public int Pages { get; private set; }
    public int DistinctPosts => _postIds.Count;

    /// <summary>Why paging stopped early; null when the feed simply ended.</summary>
    public string? StopNote { get; private set; }

    /// <summary>True when an earlier page of this run already had the post.</summary>
    public bool HasSeen(string postId) => _postIds.Contains(postId);

    /// <returns>The cursor for the next page, or null to stop.</returns>
    /// <param name="hasMoreKnown">False when the upstream did not say (a trimmed answer): an empty page is then the end.</param>
    public string? Advance(IEnumerable<string> pagePostIds, bool hasMore, string? nextCursor, bool hasMoreKnown = true)
    {
        Pages++;
        var newPosts = 0;
        foreach (var id in pagePostIds)
        {
            if (_postIds.Add(id))
            {
                newPosts++;
            }
        }

        if (!hasMore || string.IsNullOrEmpty(nextCursor) || nextCursor == "0")
        {
            return null;
        }

        if (newPosts == 0 && !hasMoreKnown)
        {
            return null;
        }

        if (newPosts == 0)
        {
            StopNote = $"Stopped after page {Pages}: the upstream said there was more, but the page added no new post.";
            return null;
        }

        if (!_cursors.Add(nextCursor))
        {
            StopNote = $"Stopped after page {Pages}: the upstream returned cursor {nextCursor} a second time.";
            return null;
        }

        if (Pages >= maxPages)
        {
            StopNote = $"Stopped at the page cap ({maxPages} pages, Monitoring:MaxPages); the upstream had more.";
            return null;
        }

        return nextCursor;
    }
}
