using System.Text.Json.Serialization;

namespace Monitor.Core.Scraping.Wire;

internal sealed record ProfileStats(
    [property: JsonPropertyName("followerCount"), JsonConverter(typeof(WireCountConverter))] long? FollowerCount,
    [property: JsonPropertyName("followingCount"), JsonConverter(typeof(WireCountConverter))] long? FollowingCount,
    [property: JsonPropertyName("heartCount"), JsonConverter(typeof(WireCountConverter))] long? HeartCount = null,
    [property: JsonPropertyName("heart"), JsonConverter(typeof(WireCountConverter))] long? Heart = null,
    [property: JsonPropertyName("videoCount"), JsonConverter(typeof(WireCountConverter))] long? VideoCount = null);
