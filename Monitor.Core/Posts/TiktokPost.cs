using Monitor.Core.Common;
using Monitor.Core.Metrics;
using Monitor.Core.Profiles;

namespace Monitor.Core.Posts;

public sealed class TiktokPost
{
    public long Id { get; set; }
    public Guid ProfileId { get; set; }
    public TiktokProfile? Profile { get; set; }

    /// <summary>TikTok's aweme_id: a 19-digit id kept as a string.</summary>
    public required string AwemeId { get; set; }

    public string? Description { get; set; }
    public DateTime? PostedAt { get; set; }
    public string? CoverUrl { get; set; }
    public string? ShareUrl { get; set; }
    public int? DurationSeconds { get; set; }

    /// <summary>The feed's free signals: null until a page reported them (see <see cref="PostSnapshot"/>).</summary>
    public bool? IsPinned { get; set; }

    public bool? IsAd { get; set; }
    public bool? IsPaidPartnership { get; set; }
    public bool? HasShopProduct { get; set; }
    public string? ShopProductUrl { get; set; }
    public string? SoundId { get; set; }
    public string? SoundTitle { get; set; }
    public string? SoundAuthor { get; set; }
    public bool? SoundIsOriginal { get; set; }

    /// <summary>
    /// The reported hashtag set as a JSON array (null until a page reported it). The database keeps
    /// <see cref="Hashtags"/> in step with it by trigger, only when it changes, so an unchanged set costs a refresh nothing.
    /// </summary>
    public string? HashtagsJson { get; set; }

    /// <summary>The latest known counters (a counter the upstream omitted keeps its last known value).</summary>
    public PostMetrics Metrics { get; set; }

    public DateTime FirstSeenAt { get; set; }
    public DateTime LastSeenAt { get; set; }

    /// <summary>
    /// Trusted full scans in a row that did not see the post (0 once one does). From <c>Monitoring:Quality:UnseenAfterFullScans</c>
    /// on, the post is "not seen since" <see cref="LastSeenAt"/>: kept, and left out of the totals only if its profile asks.
    /// </summary>
    public int MissingFullScans { get; set; }

    public List<TikTokPostMetricsHistory> MetricsHistory { get; } = [];

    public List<TiktokPostHashtag> Hashtags { get; } = [];
}
