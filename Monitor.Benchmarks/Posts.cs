using System.Globalization;
using Monitor.Core.Common;
using Monitor.Core.Metrics;
using Monitor.Core.Posts;
using Monitor.Core.Scraping;

namespace Monitor.Benchmarks;

/// <summary>Deterministic posts shaped like the upstream's: ids of 19 digits, a caption, two URLs, five counters.</summary>
internal static class Posts
{
    public static List<PostSnapshot> Make(int count, long idBase, int round = 0) =>
        [.. Enumerable.Range(0, count).Select(i => Post(idBase + i, i, round))];

    private static PostSnapshot Post(long id, int i, int round) => new()
    {
        AwemeId = id.ToString(CultureInfo.InvariantCulture),
        Description = $"Benchmark post {i} #bench #fyp",
        PostedAt = DateTime.UnixEpoch.AddSeconds(1_700_000_000 + i),
        CoverUrl = $"https://example.invalid/cover/{id}.jpeg",
        ShareUrl = $"https://www.tiktok.com/@bench/video/{id}",
        DurationSeconds = 15 + (i % 45),
        Metrics = new PostMetrics(Views: (1_000L * i) + round, Likes: (100L * i) + round, Shares: i, Comments: 2L * i, Saves: 3L * i),
    };

    /// <summary>The post as a feed page reports it: its caption's hashtags, a sound and the flags.</summary>
    public static PostSnapshot AsOnAFeedPage(PostSnapshot post, int i) => post with
    {
        Hashtags = ["bench", "fyp"],
        Sound = new PostSound($"{7_000_000 + (i % 50)}", $"Sound {i % 50}", "bench", i % 3 == 0),
        IsPinned = i < 3,
        IsAd = false,
        IsPaidPartnership = i % 10 == 0,
        HasShopProduct = false,
    };
}
