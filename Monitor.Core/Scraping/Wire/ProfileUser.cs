using System.Text.Json.Serialization;

namespace Monitor.Core.Scraping.Wire;

/// <summary>The <c>user</c> object of <c>GET /v1/tiktok/profile</c> (camelCase; avatars are plain strings here).</summary>
internal sealed record ProfileUser(
    [property: JsonPropertyName("id"), JsonConverter(typeof(FlexibleStringConverter))] string? Id,
    [property: JsonPropertyName("uniqueId")] string? UniqueId,
    [property: JsonPropertyName("secUid")] string? SecUid,
    [property: JsonPropertyName("nickname")] string? Nickname,
    [property: JsonPropertyName("avatarLarger")] string? AvatarLarger,
    [property: JsonPropertyName("avatarMedium")] string? AvatarMedium,
    [property: JsonPropertyName("avatarThumb")] string? AvatarThumb,
    [property: JsonPropertyName("signature")] string? Signature,
    [property: JsonPropertyName("verified"), JsonConverter(typeof(FlexibleBooleanConverter))] bool? Verified,
    [property: JsonPropertyName("privateAccount"), JsonConverter(typeof(FlexibleBooleanConverter))] bool? PrivateAccount,
    [property: JsonPropertyName("secret"), JsonConverter(typeof(FlexibleBooleanConverter))] bool? Secret);
