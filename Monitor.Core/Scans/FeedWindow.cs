using System.Globalization;
using Monitor.Core.Posts;
using Monitor.Core.Scraping;

namespace Monitor.Core.Scans;

/// <summary>
/// Stops a window scan once the next page can only hold posts older than the window, without fetching it. The feed's
/// cursor is the time of the page's oldest post in milliseconds, and the next page starts before it; pinned posts come
/// first on the first page whatever their age and do not move the cursor. A cursor that is not a plausible time (an
/// upstream that changed its cursors) falls back to the page's last post, which is never a pinned one.
/// </summary>
public static class FeedWindow
{
    private static readonly DateTime EarliestPost = new(2016, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <returns>True when no post younger than <paramref name="cutoff"/> can follow this page.</returns>
    public static bool IsPast(IReadOnlyList<PostSnapshot> page, string? nextCursor, DateTime cutoff, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (CursorTime(nextCursor, now) is { } cursorTime)
        {
            return cursorTime < cutoff;
        }

        var last = page.LastOrDefault(p => p.IsPinned != true);
        return last?.PostedAt is { } postedAt && postedAt < cutoff;
    }

    /// <returns>The cursor as a UTC time when it reads as milliseconds between TikTok's start and a day from now.</returns>
    public static DateTime? CursorTime(string? cursor, DateTime now)
    {
        if (!long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
            || milliseconds > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            return null;
        }

        var time = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds).UtcDateTime;
        return time >= EarliestPost && time <= now.AddDays(1) ? time : null;
    }
}
