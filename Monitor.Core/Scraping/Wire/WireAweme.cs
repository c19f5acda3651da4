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
    [property: JsonPropertyName("is_top"), JsonConverter(typeof(FlexibleBooleanConverter))] bool? IsTop = null);
