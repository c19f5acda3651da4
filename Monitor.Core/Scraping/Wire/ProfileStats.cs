using System.Text.Json.Serialization;

namespace Monitor.Core.Scraping.Wire;

internal sealed record ProfileStats(
    [property: JsonPropertyName("followerCount"), JsonConverter(typeof(WireCountConverter))] long? FollowerCount,
    [property: JsonPropertyName("followingCount"), JsonConverter(typeof(WireCountConverter))] long? FollowingCount);
