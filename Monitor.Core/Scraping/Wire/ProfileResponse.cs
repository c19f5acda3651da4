using System.Text.Json.Serialization;

namespace Monitor.Core.Scraping.Wire;

/// <summary>Body of <c>GET /v1/tiktok/profile</c>.</summary>
internal sealed record ProfileResponse(
    [property: JsonPropertyName("success"), JsonConverter(typeof(FlexibleBooleanConverter))] bool? Success,
    [property: JsonPropertyName("error"), JsonConverter(typeof(FlexibleStringConverter))] string? Error,
    [property: JsonPropertyName("message"), JsonConverter(typeof(FlexibleStringConverter))] string? Message,
    [property: JsonPropertyName("user")] ProfileUser? User,
    [property: JsonPropertyName("stats")] ProfileStats? Stats);
