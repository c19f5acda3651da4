using Monitor.Core.Common;
using Monitor.Core.Scraping;
using Npgsql;
using NpgsqlTypes;

namespace Monitor.Core.Posts;

/// <summary>
/// The free signals' array parameters of <see cref="PostgresPageSql"/>: one array per column (the hashtag sets as JSON).
/// </summary>
internal sealed class PostgresSignalArrays
{
    private readonly NpgsqlParameter<bool?[]> _isPinned = Flags("is_pinned");
    private readonly NpgsqlParameter<bool?[]> _isAd = Flags("is_ad");
    private readonly NpgsqlParameter<bool?[]> _isPaidPartnership = Flags("is_paid_partnership");
    private readonly NpgsqlParameter<bool?[]> _hasShopProduct = Flags("has_shop_product");
    private readonly NpgsqlParameter<string?[]> _shopProductUrls = Texts("shop_product_url");
    private readonly NpgsqlParameter<string?[]> _soundIds = Texts("sound_id");
    private readonly NpgsqlParameter<string?[]> _soundTitles = Texts("sound_title");
    private readonly NpgsqlParameter<string?[]> _soundAuthors = Texts("sound_author");
    private readonly NpgsqlParameter<bool?[]> _soundIsOriginal = Flags("sound_is_original");
    private readonly NpgsqlParameter<string?[]> _hashtagsJson = Texts("hashtags_json");

    public void AddTo(NpgsqlCommand command)
    {
        NpgsqlParameter[] all =
        [
            _isPinned, _isAd, _isPaidPartnership, _hasShopProduct, _shopProductUrls,
            _soundIds, _soundTitles, _soundAuthors, _soundIsOriginal, _hashtagsJson,
        ];
        command.Parameters.AddRange(all);
    }

    public void Bind(IReadOnlyList<PostSnapshot> posts)
    {
        _isPinned.TypedValue = [.. posts.Select(p => p.IsPinned)];
        _isAd.TypedValue = [.. posts.Select(p => p.IsAd)];
        _isPaidPartnership.TypedValue = [.. posts.Select(p => p.IsPaidPartnership)];
        _hasShopProduct.TypedValue = [.. posts.Select(p => p.HasShopProduct)];
        _shopProductUrls.TypedValue = [.. posts.Select(p => p.ShopProductUrl)];
        _soundIds.TypedValue = [.. posts.Select(p => p.Sound?.Id)];
        _soundTitles.TypedValue = [.. posts.Select(p => p.Sound?.Title)];
        _soundAuthors.TypedValue = [.. posts.Select(p => p.Sound?.Author)];
        _soundIsOriginal.TypedValue = [.. posts.Select(p => p.Sound?.IsOriginal)];
        _hashtagsJson.TypedValue = [.. posts.Select(p => Hashtags.ToJson(p.Hashtags))];
    }

    private static NpgsqlParameter<bool?[]> Flags(string name) => new(name, NpgsqlDbType.Array | NpgsqlDbType.Boolean);

    private static NpgsqlParameter<string?[]> Texts(string name) => new(name, NpgsqlDbType.Array | NpgsqlDbType.Text);
}
