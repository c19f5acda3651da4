using System.Text.Json.Serialization;

namespace Monitor.Core.Scraping.Wire;

/// <summary>One entry of <c>aweme_list</c>: only the fields the monitor reads; the hundreds of others are skipped.</summary>
internal sealed record WireAweme(
    [property: JsonPropertyName("aweme_id"), JsonConverter(typeof(FlexibleStringConverter))] string? AwemeId,
    [property: JsonPropertyName("desc")] string? Desc,
    [property: JsonPropertyName("create_time")] long? CreateTime,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("share_url")] string? ShareUrl,
    [property: JsonPropertyName("statistics")] WireStatistics? Statistics,
    [property: JsonPropertyName("video")] WireVideo? Video,
    [property: JsonPropertyName("image_post_info")] WireImagePostInfo? ImagePostInfo,
    [property: JsonPropertyName("is_top"), JsonConverter(typeof(FlexibleBooleanConverter))] bool? IsTop = null,
    [property: JsonPropertyName("is_ad"), JsonConverter(typeof(FlexibleBooleanConverter))] bool? IsAd = null,
    [property: JsonPropertyName("is_paid_partnership"), JsonConverter(typeof(FlexibleBooleanConverter))] bool? IsPaidPartnership = null,
    [property: JsonPropertyName("is_eligible_for_commission"), JsonConverter(typeof(FlexibleBooleanConverter))] bool? IsEligibleForCommission = null,
    [property: JsonPropertyName("shop_product_url")] string? ShopProductUrl = null,
    [property: JsonPropertyName("music")] WireMusic? Music = null,
    [property: JsonPropertyName("text_extra")] IReadOnlyList<WireTextExtra?>? TextExtra = null,
    [property: JsonPropertyName("author")] WireAuthor? Author = null);
