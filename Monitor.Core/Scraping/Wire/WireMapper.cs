using Monitor.Core.Metrics;
using Monitor.Core.Posts;

namespace Monitor.Core.Scraping.Wire;

/// <summary>Turns wire records into the monitor's shapes, capping every string a hostile body could inflate.</summary>
internal static class WireMapper
{
    private const int MaxIdLength = 32;
    private const int MaxDescriptionLength = 4000;
    private const int MaxCoverUrlLength = 4096;
    private const int MaxShareUrlLength = 2048;
    private const int MaxAvatarUrlLength = 2048;
    private const int MaxNicknameLength = 256;
    private const int MaxBioLength = 1024;
    private const int MaxSecUidLength = 256;
    private const int MaxHandleLength = 64;

    private static readonly string[] BrowserFriendlyImageExtensions = [".jpeg", ".jpg", ".webp", ".png"];

    /// <summary>Null when the post has no usable id: without one it cannot be stored or de-duplicated.</summary>
    public static PostSnapshot? ToSnapshot(WireAweme? aweme)
    {
        var id = aweme?.AwemeId?.Trim();
        if (aweme is null || string.IsNullOrEmpty(id) || id.Length > MaxIdLength || !id.All(char.IsAsciiDigit))
        {
            return null;
        }

        var statistics = aweme.Statistics;
        return new PostSnapshot
        {
            AwemeId = id,
            Description = Truncate(aweme.Desc, MaxDescriptionLength),
            PostedAt = ToUtc(aweme.CreateTime),
            CoverUrl = CapUrl(PickCover(aweme), MaxCoverUrlLength),
            ShareUrl = CapUrl(PickShareUrl(aweme), MaxShareUrlLength),
            DurationSeconds = ToSeconds(aweme.Video?.Duration),
            Metrics = new PostMetrics(
                Views: NonNegative(statistics?.PlayCount),
                Likes: NonNegative(statistics?.DiggCount),
                Shares: NonNegative(statistics?.ShareCount),
                Comments: NonNegative(statistics?.CommentCount),
                Saves: NonNegative(statistics?.CollectCount)),
        };
    }

    public static UpstreamProfile ToProfile(ProfileUser user, ProfileStats? stats, string requestedHandle)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new UpstreamProfile
        {
            UserId = user.Id!.Trim(),
            Handle = Truncate(string.IsNullOrWhiteSpace(user.UniqueId) ? requestedHandle : user.UniqueId.Trim(), MaxHandleLength)!,
            SecUid = Truncate(user.SecUid, MaxSecUidLength),
            Nickname = Truncate(user.Nickname, MaxNicknameLength),
            AvatarUrl = CapUrl(user.AvatarLarger, MaxAvatarUrlLength) ?? CapUrl(user.AvatarMedium, MaxAvatarUrlLength)
                ?? CapUrl(user.AvatarThumb, MaxAvatarUrlLength),
            Bio = Truncate(user.Signature, MaxBioLength),
            Verified = user.Verified ?? false,
            IsPrivate = (user.PrivateAccount ?? false) || (user.Secret ?? false),
            FollowerCount = NonNegative(stats?.FollowerCount),
            FollowingCount = NonNegative(stats?.FollowingCount),
        };
    }

    public static bool IsUsableUserId(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Trim().Length <= MaxIdLength;

    public static string? Truncate(string? text, int maxLength) =>
        text is null ? null : text.Length <= maxLength ? text : text[..maxLength];

    private static string? PickCover(WireAweme aweme)
    {
        var covers = aweme.Video?.Cover?.UrlList?.Where(u => !string.IsNullOrWhiteSpace(u)).ToList() ?? [];
        var preferred = covers.FirstOrDefault(HasBrowserFriendlyExtension) ?? covers.FirstOrDefault();
        if (preferred is not null)
        {
            return preferred;
        }

        var images = aweme.ImagePostInfo?.Images?
            .SelectMany(i => i?.DisplayImage?.UrlList ?? [])
            .Where(u => !string.IsNullOrWhiteSpace(u))
            .ToList() ?? [];
        return images.FirstOrDefault(HasBrowserFriendlyExtension) ?? images.FirstOrDefault();
    }

    private static bool HasBrowserFriendlyExtension(string? url)
    {
        if (url is null)
        {
            return false;
        }

        var query = url.IndexOf('?', StringComparison.Ordinal);
        var path = query >= 0 ? url[..query] : url;
        return BrowserFriendlyImageExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));
    }

    private static string? PickShareUrl(WireAweme aweme)
    {
        if (!string.IsNullOrWhiteSpace(aweme.Url))
        {
            return aweme.Url.Trim();
        }

        if (string.IsNullOrWhiteSpace(aweme.ShareUrl))
        {
            return null;
        }

        var shareUrl = aweme.ShareUrl.Trim();
        var query = shareUrl.IndexOf('?', StringComparison.Ordinal);
        return query >= 0 ? shareUrl[..query] : shareUrl;
    }

    // A truncated URL is a broken link: drop it instead.
    private static string? CapUrl(string? url, int maxLength) =>
        string.IsNullOrWhiteSpace(url) || url.Length > maxLength ? null : url.Trim();

    private static DateTime? ToUtc(long? unixSeconds) =>
        unixSeconds is > 0 and < 32503680000 ? DateTimeOffset.FromUnixTimeSeconds(unixSeconds.Value).UtcDateTime : null;

    private static int? ToSeconds(double? milliseconds) =>
        milliseconds is > 0 and < 86_400_000d ? (int)Math.Round(milliseconds.Value / 1000d, MidpointRounding.AwayFromZero) : null;

    private static long? NonNegative(long? count) => count is >= 0 ? count : null;
}
