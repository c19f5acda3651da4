using Monitor.Core.Common;
using Monitor.Core.Common.Json;
using Monitor.Core.Insights.Engagement;
using Monitor.Core.Metrics;
using Monitor.Core.Posts;
using Monitor.Core.Scraping;

namespace Monitor.Core.Catalog;

/// <summary>
/// A post with its current counts, its free signals (a flag never reported reads false, an unknown sound null) and,
/// when asked for, its newest snapshots (newest first). <see cref="CoverCacheUrl"/> is the app's cached copy of the cover
/// (<c>/media/{hash}</c>) once the media cache has it. <see cref="NotSeenSince"/> is its last sighting once it
/// missed several full scans in a row (null while it is seen).
/// </summary>
public sealed record PostDto(
    long Id,
    Guid ProfileId,
    string AwemeId,
    string? Description,
    DateTime? PostedAt,
    string? CoverUrl,
    string? ShareUrl,
    int? DurationSeconds,
    [property: JsonMetrics(MetricJsonNames.Counts)] PostMetrics Metrics,
    DateTime FirstSeenAt,
    DateTime LastSeenAt,
    IReadOnlyList<MetricsSnapshotDto>? MetricsHistory)
{
    public bool IsPinned { get; init; }
    public bool IsAd { get; init; }
    public bool IsPaidPartnership { get; init; }
    public bool HasShopProduct { get; init; }
    public string? ShopProductUrl { get; init; }
    public PostSound? Sound { get; init; }
    public IReadOnlyList<string> Hashtags { get; init; } = [];
    public string? CoverCacheUrl { get; init; }
    public DateTime? NotSeenSince { get; init; }

    /// <summary>The account's followers when the post was published (the latest account-history count at or before it); null when the history starts later.</summary>
    public long? FollowersAtPosting { get; init; }

    /// <summary>The post's rates under every <see cref="EngagementRateDefinition"/>, null where unknown.</summary>
    [JsonEngagementRates]
    public EngagementRates EngagementRates => EngagementRates.For(Metrics, FollowersAtPosting);

    /// <summary>The stored post as the API and the dashboard show it.</summary>
    public static PostDto From(TiktokPost post, IReadOnlyList<string>? hashtags, IReadOnlyList<MetricsSnapshotDto>? history, string? coverCacheUrl = null)
    {
        ArgumentNullException.ThrowIfNull(post);
        return new PostDto(post.Id, post.ProfileId, post.AwemeId, post.Description, post.PostedAt, post.CoverUrl, post.ShareUrl,
            post.DurationSeconds, post.Metrics, post.FirstSeenAt, post.LastSeenAt, history)
        {
            IsPinned = post.IsPinned == true,
            IsAd = post.IsAd == true,
            IsPaidPartnership = post.IsPaidPartnership == true,
            HasShopProduct = post.HasShopProduct == true,
            ShopProductUrl = post.ShopProductUrl,
            Sound = post.SoundId is { } soundId ? new PostSound(soundId, post.SoundTitle, post.SoundAuthor, post.SoundIsOriginal) : null,
            Hashtags = hashtags ?? [],
            CoverCacheUrl = coverCacheUrl,
        };
    }
}
