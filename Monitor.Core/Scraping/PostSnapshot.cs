using Monitor.Core.Common;
using Monitor.Core.Common.Json;
using Monitor.Core.Metrics;

namespace Monitor.Core.Scraping;

/// <summary>
/// One post as observed upstream (or sent to the bulk endpoint): what a run writes. A signal left null was not
/// reported (a trimmed page, an older client) and keeps its stored value; false or an empty list replaces it.
/// </summary>
public sealed record PostSnapshot
{
    public required string AwemeId { get; init; }
    public string? Description { get; init; }
    public DateTime? PostedAt { get; init; }
    public string? CoverUrl { get; init; }
    public string? ShareUrl { get; init; }
    public int? DurationSeconds { get; init; }

    /// <summary>Pinned to the top of the profile (<c>is_top</c>): first in the feed whatever its age.</summary>
    public bool? IsPinned { get; init; }

    /// <summary>A paid ad (<c>is_ad</c>).</summary>
    public bool? IsAd { get; init; }

    /// <summary>Marked as a paid partnership (<c>is_paid_partnership</c>).</summary>
    public bool? IsPaidPartnership { get; init; }

    /// <summary>Promotes a TikTok Shop product (<c>is_eligible_for_commission</c>).</summary>
    public bool? HasShopProduct { get; init; }

    public string? ShopProductUrl { get; init; }

    public PostSound? Sound { get; init; }

    /// <summary>The caption's hashtags, lower case without '#', each once; null when not reported.</summary>
    public IReadOnlyList<string>? Hashtags { get; init; }

    [JsonMetrics(MetricJsonNames.Counts)]
    public PostMetrics Metrics { get; init; }

    // Value equality like any record, with the hashtags compared by content rather than by list instance. A new
    // property must join Key.
    private (string, string?, DateTime?, string?, string?, int?, bool?, bool?, bool?, bool?, string?, PostSound?, PostMetrics) Key =>
        (AwemeId, Description, PostedAt, CoverUrl, ShareUrl, DurationSeconds, IsPinned, IsAd, IsPaidPartnership, HasShopProduct, ShopProductUrl, Sound, Metrics);

    public bool Equals(PostSnapshot? other) =>
        other is not null
        && Key.Equals(other.Key)
        && (Hashtags is null ? other.Hashtags is null : other.Hashtags is not null && Hashtags.SequenceEqual(other.Hashtags, StringComparer.Ordinal));

    public override int GetHashCode() => Key.GetHashCode();
}
