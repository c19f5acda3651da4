using Monitor.Core.Common;
using Monitor.Core.Metrics;
using Monitor.Core.Posts;

namespace Monitor.Core.Scraping.Wire;

/// <summary>Turns wire records into the monitor's shapes, capping every string a hostile body could inflate.</summary>
internal static class WireMapper
{
    private static readonly string[] BrowserFriendlyImageExtensions = [".jpeg", ".jpg", ".webp", ".png"];

    public static bool IsAwemeId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= FieldLimits.AwemeIdLength && id.All(char.IsAsciiDigit);

    /// <summary>
    /// A post whose id is already checked (<see cref="IsAwemeId"/>); counts were range-checked while reading, and a
    /// refused one is null here: not reported, so the post keeps its stored value.
    /// </summary>
    public static PostSnapshot ToSnapshot(WireAweme aweme, string id)
    {
        ArgumentNullException.ThrowIfNull(aweme);
        var statistics = aweme.Statistics;
        var shopUrl = CapUrl(aweme.ShopProductUrl, FieldLimits.ShopProductUrlLength) is { } url && IsHttp(url) ? url : null;
        return new PostSnapshot
        {
            AwemeId = id,
            Description = Caption(aweme.Desc),
            PostedAt = ToUtc(aweme.CreateTime),
            CoverUrl = CapUrl(PickCover(aweme), FieldLimits.CoverUrlLength),
            ShareUrl = CapUrl(PickShareUrl(aweme), FieldLimits.ShareUrlLength),
            DurationSeconds = ToSeconds(aweme.Video?.Duration),
            IsPinned = aweme.IsTop,
            IsAd = aweme.IsAd,
            IsPaidPartnership = aweme.IsPaidPartnership,
            HasShopProduct = aweme.IsEligibleForCommission ?? (shopUrl is null ? null : true),
            ShopProductUrl = shopUrl,
            Sound = ToSound(aweme.Music),
            Hashtags = aweme.TextExtra is { } extras ? Hashtags.NormalizeAll(extras.Select(e => e?.HashtagName)) : null,
            Metrics = new PostMetrics(
                Views: statistics?.PlayCount.Value,
                Likes: statistics?.DiggCount.Value,
                Shares: statistics?.ShareCount.Value,
                Comments: statistics?.CommentCount.Value,
                Saves: statistics?.CollectCount.Value),
        };
    }

    public static UpstreamProfile ToProfile(ProfileUser user, ProfileStats? stats, string requestedHandle)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new UpstreamProfile
        {
            UserId = user.Id!.Trim(),
            Handle = Truncate(string.IsNullOrWhiteSpace(user.UniqueId) ? requestedHandle : user.UniqueId.Trim(), FieldLimits.HandleLength)!,
            SecUid = Truncate(user.SecUid, FieldLimits.SecUidLength),
            Nickname = Truncate(user.Nickname, FieldLimits.NicknameLength),
            AvatarUrl = CapUrl(user.AvatarLarger, FieldLimits.AvatarUrlLength) ?? CapUrl(user.AvatarMedium, FieldLimits.AvatarUrlLength)
                ?? CapUrl(user.AvatarThumb, FieldLimits.AvatarUrlLength),
            Bio = Truncate(user.Signature, FieldLimits.BioLength),
            Verified = user.Verified ?? false,
            IsPrivate = (user.PrivateAccount ?? false) || (user.Secret ?? false),
            FollowerCount = stats?.FollowerCount,
            FollowingCount = stats?.FollowingCount,
            LikesCount = stats?.HeartCount ?? stats?.Heart,
            VideoCount = stats?.VideoCount,
        };
    }

    public static bool IsUsableUserId(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Trim().Length <= FieldLimits.TiktokUserIdLength && !FieldLimits.HasForbiddenCharacter(id);

    /// <summary>Upstream text made storable: characters a column cannot hold removed, then cut to the column.</summary>
    public static string? Truncate(string? text, int maxLength) =>
        text is null ? null : FieldLimits.Cut(TextCleaner.Clean(text), maxLength);

    /// <summary>
    /// A caption longer than the column keeps its post (the figures are what the monitor is for) and is cut, ending
    /// in "…" so a reader can see it was cut.
    /// </summary>
    private static string? Caption(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return FieldLimits.Cut(TextCleaner.Clean(text), FieldLimits.DescriptionLength, marked: true);
    }

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

    /// <summary>A sound without a usable id is no sound: its title alone cannot tell two sounds apart.</summary>
    private static PostSound? ToSound(WireMusic? music)
    {
        var id = (music?.IdStr ?? music?.Id)?.Trim();
        if (music is null || string.IsNullOrEmpty(id) || id.Length > FieldLimits.SoundIdLength || !id.All(char.IsAsciiDigit))
        {
            return null;
        }

        return new PostSound(id, NullIfBlank(Truncate(music.Title, FieldLimits.SoundTitleLength)),
            NullIfBlank(Truncate(music.Author, FieldLimits.SoundAuthorLength)), music.IsOriginalSound);
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

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

    // A truncated URL is a broken link, and one with control characters is not a link: drop it instead.
    private static string? CapUrl(string? url, int maxLength) =>
        string.IsNullOrWhiteSpace(url) || url.Trim().Length > maxLength || FieldLimits.HasForbiddenCharacter(url) ? null : url.Trim();

    // The shop link is shown as a link: nothing but http(s).
    private static bool IsHttp(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    // An implausible time is a missing time, not a reason to lose the post's figures.
    private static DateTime? ToUtc(long? unixSeconds) =>
        unixSeconds is > 0 and < 4_102_444_800 && DateTimeOffset.FromUnixTimeSeconds(unixSeconds.Value).UtcDateTime is var utc
        && FieldLimits.IsPlausiblePostedAt(utc) ? utc : null;

    private static int? ToSeconds(double? milliseconds) =>
        milliseconds is > 0 and < FieldLimits.MaxDurationSeconds * 1000d
            ? (int)Math.Round(milliseconds.Value / 1000d, MidpointRounding.AwayFromZero)
            : null;
}
