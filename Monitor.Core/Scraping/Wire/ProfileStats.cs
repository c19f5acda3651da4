using System.Text.Json.Serialization;

namespace Monitor.Core.Scraping.Wire;

internal sealed record ProfileStats(
    [property: JsonPropertyName("followerCount")] long? FollowerCount,
    [property: JsonPropertyName("followingCount")] long? FollowingCount);
