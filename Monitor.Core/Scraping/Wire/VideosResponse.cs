using System.Text.Json.Serialization;

namespace Monitor.Core.Scraping.Wire;

/// <summary>Body of <c>GET /v3/tiktok/profile/videos</c> (snake_case).</summary>
internal sealed record VideosResponse(
    [property: JsonPropertyName("success"), JsonConverter(typeof(FlexibleBooleanConverter))] bool? Success,
    [property: JsonPropertyName("error"), JsonConverter(typeof(FlexibleStringConverter))] string? Error,
    [property: JsonPropertyName("message"), JsonConverter(typeof(FlexibleStringConverter))] string? Message,
    [property: JsonPropertyName("aweme_list"), JsonConverter(typeof(WireFeedItemsConverter))] IReadOnlyList<WireFeedItem>? AwemeList,
    [property: JsonPropertyName("has_more"), JsonConverter(typeof(FlexibleBooleanConverter))] bool? HasMore,
    [property: JsonPropertyName("max_cursor"), JsonConverter(typeof(FlexibleStringConverter))] string? MaxCursor);
