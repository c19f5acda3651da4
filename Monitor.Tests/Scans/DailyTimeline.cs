using System.Globalization;
using System.Text.Json;

namespace Monitor.Tests.Scans;

/// <summary>
/// A creator who posts once a day, served as the real feed pages it: newest first, cursors that are the page's oldest
/// post time in milliseconds, the next page strictly older. The oldest post is pinned and shown first on page one.
/// New posts appear as <paramref name="time"/> moves on; views grow with age, so every observation differs.
/// </summary>
internal sealed class DailyTimeline(string handle, int postsAtStart, int pageSize, TimeProvider time)
{
    private readonly DateTime _origin = time.GetUtcNow().UtcDateTime.AddDays(-(postsAtStart - 1)).AddHours(-1);
    private int _requests;

    public string Handle { get; } = handle;

    /// <summary>Feed pages served so far: the credits the profile cost.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public DateTime PostedAt(int index) => _origin.AddDays(index);

    public string AwemeId(int index) => (7_400_000_000_000_000_000 + ((long)StableSeed() * 100_000) + index).ToString(CultureInfo.InvariantCulture);

    /// <summary>Posts published by <paramref name="now"/>, as indexes on the timeline.</summary>
    public int PostCountAt(DateTime now) => (int)Math.Floor((now - _origin).TotalDays) + 1;

    public (int Status, string Body) Page(string? cursor)
    {
        Interlocked.Increment(ref _requests);
        var now = time.GetUtcNow().UtcDateTime;
        var count = PostCountAt(now);
        var before = string.IsNullOrEmpty(cursor) ? long.MaxValue : long.Parse(cursor, CultureInfo.InvariantCulture);
        var chronological = Enumerable.Range(1, count - 1).Reverse().Where(i => Millis(PostedAt(i)) < before);
        var indexes = (string.IsNullOrEmpty(cursor) ? chronological.Prepend(0) : chronological).Take(pageSize + 1).ToList();
        var page = indexes.Take(pageSize).ToList();
        var more = indexes.Count > pageSize;
        var posts = page.Select(i => new
        {
            aweme_id = AwemeId(i),
            desc = $"Day {i} of {Handle}",
            create_time = new DateTimeOffset(PostedAt(i)).ToUnixTimeSeconds(),
            is_top = i == 0 && string.IsNullOrEmpty(cursor) ? 1 : 0,
            statistics = new { play_count = 100 + (long)(now - PostedAt(i)).TotalMinutes, digg_count = 10 + i, comment_count = 1, share_count = 1, collect_count = 1 },
        });
        var oldest = page.Where(i => !(i == 0 && string.IsNullOrEmpty(cursor))).Select(i => Millis(PostedAt(i))).DefaultIfEmpty(0).Min();
        return (200, JsonSerializer.Serialize(new
        {
            success = true,
            credits_remaining = 1000,
            aweme_list = posts,
            has_more = more ? 1 : 0,
            max_cursor = oldest,
        }));
    }

    private static long Millis(DateTime utc) => new DateTimeOffset(utc).ToUnixTimeMilliseconds();

    private uint StableSeed()
    {
        var hash = 2_166_136_261u;
        foreach (var c in Handle)
        {
            hash = (hash ^ c) * 16_777_619u;
        }

        return hash % 10_000_000;
    }
}
