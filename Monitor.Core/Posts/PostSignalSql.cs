using Monitor.Core.Common;
using Monitor.Core.Scraping;

namespace Monitor.Core.Posts;

/// <summary>
/// The free signals' columns on <c>tiktok_posts</c>, shared by both providers' writers. A signal the page did not
/// report (null) keeps its stored value; the sound and the shop link change as a whole, never half from each page.
/// The hashtag set is written as JSON; the database's triggers (migration <c>PostHashtagSets</c>) bring
/// <c>tiktok_post_hashtags</c> to it when, and only when, it changed.
/// </summary>
internal static class PostSignalSql
{
    private static readonly string[] Names =
    [
        "is_pinned", "is_ad", "is_paid_partnership", "has_shop_product", "shop_product_url",
        "sound_id", "sound_title", "sound_author", "sound_is_original", "hashtags_json",
    ];

    /// <summary><c>is_pinned, is_ad, …</c>, each with <paramref name="prefix"/> (a table alias and dot, or a parameter sigil).</summary>
    public static string Columns(string prefix = "") => string.Join(", ", Names.Select(n => prefix + n));

    public const string KeepKnownOnConflict = """
        is_pinned = COALESCE(excluded.is_pinned, tiktok_posts.is_pinned),
            is_ad = COALESCE(excluded.is_ad, tiktok_posts.is_ad),
            is_paid_partnership = COALESCE(excluded.is_paid_partnership, tiktok_posts.is_paid_partnership),
            has_shop_product = COALESCE(excluded.has_shop_product, tiktok_posts.has_shop_product),
            shop_product_url = CASE WHEN excluded.has_shop_product IS NULL THEN tiktok_posts.shop_product_url ELSE excluded.shop_product_url END,
            sound_id = COALESCE(excluded.sound_id, tiktok_posts.sound_id),
            sound_title = CASE WHEN excluded.sound_id IS NULL THEN tiktok_posts.sound_title ELSE excluded.sound_title END,
            sound_author = CASE WHEN excluded.sound_id IS NULL THEN tiktok_posts.sound_author ELSE excluded.sound_author END,
            sound_is_original = CASE WHEN excluded.sound_id IS NULL THEN tiktok_posts.sound_is_original ELSE excluded.sound_is_original END,
            hashtags_json = COALESCE(excluded.hashtags_json, tiktok_posts.hashtags_json)
        """;

    /// <summary>The signals' values in the order of <see cref="Columns"/>.</summary>
    public static object?[] Values(PostSnapshot post)
    {
        ArgumentNullException.ThrowIfNull(post);
        return
        [
            post.IsPinned, post.IsAd, post.IsPaidPartnership, post.HasShopProduct, post.ShopProductUrl,
            post.Sound?.Id, post.Sound?.Title, post.Sound?.Author, post.Sound?.IsOriginal, Hashtags.ToJson(post.Hashtags),
        ];
    }
}
