using Monitor.Core.Common;

namespace Monitor.Core.Posts;

/// <summary>
/// Applies a <see cref="PostFilter"/> in the database. A flag asked to be false also matches posts whose signal was
/// never reported: "not known to be an ad" is what a reader of "not ad" expects. The hashtag is an index lookup in
/// <c>tiktok_post_hashtags</c>, never a search through captions.
/// </summary>
internal static class PostFiltering
{
    public static IQueryable<TiktokPost> Apply(IQueryable<TiktokPost> posts, PostFilter? filter)
    {
        if (filter is null || filter.IsEmpty)
        {
            return posts;
        }

        if (filter.Pinned is { } pinned)
        {
            posts = pinned ? posts.Where(p => p.IsPinned == true) : posts.Where(p => p.IsPinned != true);
        }

        if (filter.Ad is { } ad)
        {
            posts = ad ? posts.Where(p => p.IsAd == true) : posts.Where(p => p.IsAd != true);
        }

        if (filter.PaidPartnership is { } paid)
        {
            posts = paid ? posts.Where(p => p.IsPaidPartnership == true) : posts.Where(p => p.IsPaidPartnership != true);
        }

        if (filter.Shop is { } shop)
        {
            posts = shop ? posts.Where(p => p.HasShopProduct == true) : posts.Where(p => p.HasShopProduct != true);
        }

        if (filter.OriginalSound is { } original)
        {
            posts = original ? posts.Where(p => p.SoundIsOriginal == true) : posts.Where(p => p.SoundIsOriginal != true);
        }

        if (filter.Hashtag is { } tag)
        {
            posts = posts.Where(p => p.Hashtags.Any(h => h.Tag == tag));
        }

        if (filter.SoundId is { } soundId)
        {
            posts = posts.Where(p => p.SoundId == soundId);
        }

        return posts;
    }
}
