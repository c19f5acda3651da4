using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace Monitor.Tests.Infrastructure;

/// <summary>
/// Any number of distinct creators for the fake upstream, made up from the handle: each has its own user id and
/// <see cref="Pages"/> pages of <see cref="PostsPerPage"/> posts with ids of its own; every fetch of a first page raises
/// the views, so each run changes the totals. Shared with the benchmarks (their 10,000 creators), with
/// <paramref name="hashtag"/> on every post when they want the hashtag writes measured too.
/// </summary>
public sealed class SyntheticCreators(int pages, int postsPerPage, string? hashtag = null)
{
    private readonly ConcurrentDictionary<string, int> _generations = new(StringComparer.Ordinal);

    public int Pages { get; } = pages;

    public int PostsPerPage { get; } = postsPerPage;

    public int PostsPerCreator => Pages * PostsPerPage;

    public static string Profile(string handle) => JsonSerializer.Serialize(new
    {
        success = true,
        user = new { id = UserId(handle), uniqueId = handle, nickname = $"Synthetic {handle}", secUid = $"sec-{handle}", privateAccount = false },
        stats = new { followerCount = 1000, followingCount = 10 },
    });

    /// <param name="cursor">null, empty or 0 for the first page; else the page number the previous page pointed to.</param>
    public string Videos(string handle, string? cursor)
    {
        var page = string.IsNullOrEmpty(cursor) ? 1 : Math.Max(1, int.Parse(cursor, CultureInfo.InvariantCulture));
        var generation = page == 1 ? _generations.AddOrUpdate(handle, 1, (_, g) => g + 1) : _generations.GetValueOrDefault(handle, 1);
        var posts = Enumerable.Range(0, PostsPerPage).Select(i =>
        {
            var id = AwemeId(handle, page, i);
            return new
            {
                aweme_id = id,
                desc = hashtag is null ? $"Post {page}.{i} of {handle}" : $"Post {page}.{i} of {handle} #{hashtag}",
                create_time = 1_760_000_000 - (page * 1000) - i,
                statistics = new { play_count = 1000 + (100 * generation) + i, digg_count = 100 + i, comment_count = 10, share_count = 5, collect_count = 2 },
            };
        });
        return JsonSerializer.Serialize(new
        {
            success = true,
            aweme_list = posts,
            has_more = page < Pages ? 1 : 0,
            max_cursor = page < Pages ? (page + 1).ToString(CultureInfo.InvariantCulture) : "0",
        });
    }

    private static string UserId(string handle) => (7_000_000_000_000_000_000 + StableHash(handle)).ToString(CultureInfo.InvariantCulture);

    private static string AwemeId(string handle, int page, int index) =>
        (7_500_000_000_000_000_000 + (StableHash(handle) * 10_000) + (page * 100) + index).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// 64-bit FNV-1a below 10^14: the ids stay 19 digits, and among 10,000 handles (the scale benchmark) two share a
    /// number with a chance of about one in two million (below 10^8 it was one in two).
    /// </summary>
    private static long StableHash(string value)
    {
        var hash = 14_695_981_039_346_656_037ul;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 1_099_511_628_211ul;
        }

        return (long)(hash % 100_000_000_000_000);
    }
}
