using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace Monitor.Tests.Infrastructure;

/// <summary>
/// Any number of distinct creators for the fake upstream, made up from the handle: each has its own user id and
/// <see cref="Pages"/> pages of <see cref="PostsPerPage"/> posts with ids of its own; every fetch of a first page raises
/// the views, so each run changes the totals.
/// </summary>
public sealed class SyntheticCreators(int pages, int postsPerPage)
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

    /// <param name="cursor">null or empty for the first page; else the page number the previous page pointed to.</param>
    public string Videos(string handle, string? cursor)
    {
        var page = string.IsNullOrEmpty(cursor) ? 1 : int.Parse(cursor, CultureInfo.InvariantCulture);
        var generation = page == 1 ? _generations.AddOrUpdate(handle, 1, (_, g) => g + 1) : _generations.GetValueOrDefault(handle, 1);
        var posts = Enumerable.Range(0, PostsPerPage).Select(i =>
        {
            var id = AwemeId(handle, page, i);
            return new
            {
                aweme_id = id,
                desc = $"Post {page}.{i} of {handle}",
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

    private static string UserId(string handle) => (7_000_000_000_000_000_000 + (long)StableHash(handle)).ToString(CultureInfo.InvariantCulture);

    private static string AwemeId(string handle, int page, int index) =>
        (7_500_000_000_000_000_000 + ((long)StableHash(handle) * 10_000) + (page * 100) + index).ToString(CultureInfo.InvariantCulture);

    /// <summary>Below 10^8 so the ids stay 19 digits and distinct per handle in practice.</summary>
    private static uint StableHash(string value)
    {
        var hash = 2_166_136_261u;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 16_777_619u;
        }

        return hash % 100_000_000;
    }
}
