using Monitor.Core.Audience;
using Monitor.Core.Common;
using Monitor.Core.Posts;
using Monitor.Core.Scraping.Wire;

namespace Monitor.Core.Scraping.Posts;

/// <summary>
/// Finds the monitored account among a page's post authors (by user id, else by handle: a post of someone else, e.g. a
/// duet or a repost, must not lend its counters) and reads its counters, which trimmed answers leave out.
/// </summary>
internal static class FeedAuthorMapper
{
    public static FeedAuthor? Find(IReadOnlyList<WireAweme?> awemes, string handle, string? userId)
    {
        ArgumentNullException.ThrowIfNull(awemes);
        foreach (var author in awemes.Select(a => a?.Author))
        {
            if (author is null || !IsAccount(author, handle, userId))
            {
                continue;
            }

            var counters = new AccountCounters(author.FollowerCount, author.FollowingCount, author.TotalFavorited, author.AwemeCount);
            if (counters.HasAny)
            {
                return new FeedAuthor(counters,
                    WireMapper.Truncate(author.Nickname, FieldLimits.NicknameLength),
                    WireMapper.Truncate(author.Signature, FieldLimits.BioLength),
                    Avatar(author.AvatarLarger) ?? Avatar(author.AvatarMedium) ?? Avatar(author.AvatarThumb));
            }
        }

        return null;
    }

    private static bool IsAccount(WireAuthor author, string handle, string? userId)
    {
        var uid = author.Uid?.Trim();
        if (!string.IsNullOrEmpty(userId) && !string.IsNullOrEmpty(uid))
        {
            return string.Equals(uid, userId.Trim(), StringComparison.Ordinal);
        }

        var uniqueId = author.UniqueId?.Trim().TrimStart('@');
        return !string.IsNullOrEmpty(uniqueId) && string.Equals(uniqueId, handle.Trim().TrimStart('@'), StringComparison.OrdinalIgnoreCase);
    }

    private static string? Avatar(WireUrlList? avatar) =>
        avatar?.UrlList?.FirstOrDefault(u => !string.IsNullOrWhiteSpace(u) && u.Trim().Length <= FieldLimits.AvatarUrlLength
            && !FieldLimits.HasForbiddenCharacter(u))?.Trim();
}
