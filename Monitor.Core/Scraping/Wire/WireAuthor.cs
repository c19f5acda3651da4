using System.Text.Json.Serialization;

namespace Monitor.Core.Scraping.Wire;

/// <summary>A feed post's <c>author</c>: who posted it and, in untrimmed answers, the account's counters.</summary>
internal sealed record WireAuthor(
    [property: JsonPropertyName("uid"), JsonConverter(typeof(FlexibleStringConverter))] string? Uid,
    [property: JsonPropertyName("unique_id")] string? UniqueId,
    [property: JsonPropertyName("nickname")] string? Nickname,
    [property: JsonPropertyName("signature")] string? Signature,
    [property: JsonPropertyName("avatar_larger")] WireUrlList? AvatarLarger,
    [property: JsonPropertyName("avatar_medium")] WireUrlList? AvatarMedium,
    [property: JsonPropertyName("avatar_thumb")] WireUrlList? AvatarThumb,
    [property: JsonPropertyName("follower_count"), JsonConverter(typeof(WireCountConverter))] long? FollowerCount,
    [property: JsonPropertyName("following_count"), JsonConverter(typeof(WireCountConverter))] long? FollowingCount,
    [property: JsonPropertyName("aweme_count"), JsonConverter(typeof(WireCountConverter))] long? AwemeCount,
    [property: JsonPropertyName("total_favorited"), JsonConverter(typeof(WireCountConverter))] long? TotalFavorited);
