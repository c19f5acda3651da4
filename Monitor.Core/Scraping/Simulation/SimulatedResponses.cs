using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Monitor.Core.Common;

namespace Monitor.Core.Scraping.Simulation;

/// <summary>Writes ScrapeCreators-shaped bodies: camelCase profile, snake_case feed, numeric has_more and max_cursor.</summary>
internal static class SimulatedResponses
{
    private const long CreditsRemaining = 99_999;

    public static byte[] Profile(SimulatedAccount account, DateTimeOffset now, bool isPrivate) => Write(writer =>
    {
        writer.WriteBoolean("success", true);
        writer.WriteNumber("credits_remaining", CreditsRemaining);
        writer.WriteNumber("credits_charged", 1);
        writer.WriteStartObject("user");
        writer.WriteString("id", account.UserId);
        writer.WriteString("uniqueId", account.Handle);
        writer.WriteString("nickname", account.Nickname);
        var avatar = SimulatedMedia.AvatarUrl(account.Handle);
        writer.WriteString("avatarLarger", avatar);
        writer.WriteString("avatarMedium", avatar);
        writer.WriteString("avatarThumb", avatar);
        writer.WriteString("signature", account.Bio);
        writer.WriteBoolean("verified", account.Verified);
        writer.WriteString("secUid", account.SecUid);
        writer.WriteBoolean("privateAccount", isPrivate);
        writer.WriteBoolean("secret", isPrivate);
        writer.WriteEndObject();

        var hearts = LikesReceived(account, now);
        var followers = account.FollowersAt(now);
        writer.WriteStartObject("stats");
        writer.WriteNumber("followerCount", followers);
        writer.WriteNumber("followingCount", account.Following);
        writer.WriteNumber("heart", hearts);
        writer.WriteNumber("heartCount", hearts);
        writer.WriteNumber("videoCount", account.PostCount);
        writer.WriteNumber("diggCount", 0);
        writer.WriteEndObject();
        writer.WriteStartObject("statsV2");
        writer.WriteString("followerCount", followers.ToString(CultureInfo.InvariantCulture));
        writer.WriteString("heartCount", hearts.ToString(CultureInfo.InvariantCulture));
        writer.WriteString("videoCount", account.PostCount.ToString(CultureInfo.InvariantCulture));
        writer.WriteEndObject();
        writer.WriteStartArray("itemList");
        writer.WriteEndArray();
    });

    public static byte[] VideosPage(SimulatedAccount account, IReadOnlyList<SimulatedPost> page, bool hasMore, long maxCursor, DateTimeOffset now) =>
        Write(writer =>
        {
            writer.WriteBoolean("success", true);
            writer.WriteNumber("credits_remaining", CreditsRemaining);
            writer.WriteNumber("credits_charged", 1);
            writer.WriteStartArray("aweme_list");
            // Counted once per page: every post of the page names the same author.
            var author = new SimulatedAuthorCounters(account.FollowersAt(now), account.Following, LikesReceived(account, now), account.PostCount);
            foreach (var post in page)
            {
                WritePost(writer, account, post, now, account.FeedCarriesCounters ? author : null);
            }

            writer.WriteEndArray();
            writer.WriteNumber("has_more", hasMore ? 1 : 0);
            writer.WriteNumber("max_cursor", maxCursor);
        });

    public static byte[] EmptyFeed() => Write(writer =>
    {
        writer.WriteBoolean("success", true);
        writer.WriteNumber("credits_remaining", CreditsRemaining);
        writer.WriteNumber("credits_charged", 1);
        writer.WriteStartArray("aweme_list");
        writer.WriteEndArray();
        writer.WriteBoolean("has_more", false);
        writer.WriteNumber("max_cursor", 0);
    });

    /// <summary>The real API's answer for a handle that does not exist: HTTP 200, success true, no payload.</summary>
    public static byte[] AccountMissing() => Write(writer =>
    {
        writer.WriteBoolean("success", true);
        writer.WriteString("error", "Account doesn't exist");
    });

    /// <summary>A banned or suspended account: how the real API words it is not documented; this says "banned".</summary>
    public static byte[] AccountBanned() => Write(writer =>
    {
        writer.WriteBoolean("success", false);
        writer.WriteString("error", "This account was banned");
    });

    public static byte[] Failure(string message) => Write(writer =>
    {
        writer.WriteBoolean("success", false);
        writer.WriteString("message", message);
    });

    private static long LikesReceived(SimulatedAccount account, DateTimeOffset now) => account.PostsAt(now).Sum(p => p.MetricsAt(now).Likes);

    private static void WritePost(Utf8JsonWriter writer, SimulatedAccount account, SimulatedPost post, DateTimeOffset now, SimulatedAuthorCounters? counters)
    {
        var metrics = post.MetricsAt(now);
        var kind = post.IsSlideshow ? "photo" : "video";
        var url = $"https://www.tiktok.com/@{account.Handle}/{kind}/{post.AwemeId}";
        var cover = SimulatedMedia.CoverUrl(post.AwemeId, post.IsSlideshow);

        writer.WriteStartObject();
        writer.WriteString("aweme_id", post.AwemeId);
        writer.WriteString("desc", post.Description);
        writer.WriteString("desc_language", "en");
        writer.WriteString("region", "US");
        writer.WriteNumber("aweme_type", post.IsSlideshow ? 150 : 0);
        writer.WriteNumber("create_time", post.CreateTimeSeconds);
        writer.WriteString("create_time_utc", post.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        writer.WriteString("url", url);
        writer.WriteString("share_url", $"{url}?_r=1&u_code=demo&preview_pb=0&sharer_language=en&source=h5_m");
        WriteSignals(writer, post.Signals);

        writer.WriteStartObject("statistics");
        writer.WriteString("aweme_id", post.AwemeId);
        writer.WriteNumber("comment_count", metrics.Comments);
        writer.WriteNumber("digg_count", metrics.Likes);
        writer.WriteNumber("download_count", metrics.Shares / 4);
        if (metrics.Views is { } views)
        {
            writer.WriteNumber("play_count", views);
        }

        writer.WriteNumber("share_count", metrics.Shares);
        writer.WriteNumber("forward_count", 0);
        writer.WriteNumber("collect_count", metrics.Saves);
        writer.WriteNumber("repost_count", 0);
        writer.WriteEndObject();

        writer.WriteStartObject("video");
        writer.WriteNumber("duration", post.DurationMilliseconds);
        writer.WriteNumber("width", 576);
        writer.WriteNumber("height", 1024);
        writer.WriteString("ratio", "540p");
        writer.WriteBoolean("has_watermark", true);
        WriteMedia(writer, "cover", $"demo/cover-{post.AwemeId}", cover, 300, 400);
        writer.WriteEndObject();

        if (post.IsSlideshow)
        {
            writer.WriteStartObject("image_post_info");
            writer.WriteStartArray("images");
            writer.WriteStartObject();
            WriteMedia(writer, "display_image", $"demo/photo-{post.AwemeId}", cover, 300, 400);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteStartObject("author");
        writer.WriteString("uid", account.UserId);
        writer.WriteString("unique_id", account.Handle);
        writer.WriteString("nickname", account.Nickname);
        writer.WriteString("sec_uid", account.SecUid);
        if (counters is not null)
        {
            writer.WriteString("signature", account.Bio);
            writer.WriteStartObject("avatar_larger");
            writer.WriteStartArray("url_list");
            writer.WriteStringValue(SimulatedMedia.AvatarUrl(account.Handle));
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteNumber("follower_count", counters.Followers);
            writer.WriteNumber("following_count", counters.Following);
            writer.WriteNumber("aweme_count", counters.Videos);
            writer.WriteNumber("total_favorited", counters.Likes);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteSignals(Utf8JsonWriter writer, SimulatedSignals signals)
    {
        writer.WriteBoolean("is_ad", signals.IsAd);
        writer.WriteNumber("is_top", 0);
        writer.WriteBoolean("is_paid_partnership", signals.IsPaidPartnership);
        writer.WriteBoolean("is_eligible_for_commission", signals.ShopProductUrl is not null);
        if (signals.ShopProductUrl is { } shop)
        {
            writer.WriteString("shop_product_url", shop);
        }

        writer.WriteStartObject("music");
        writer.WriteString("id_str", signals.Sound.Id);
        writer.WriteString("title", signals.Sound.Title);
        writer.WriteString("author", signals.Sound.Author);
        writer.WriteBoolean("is_original_sound", signals.Sound.IsOriginal);
        writer.WriteEndObject();

        writer.WriteStartArray("text_extra");
        foreach (var tag in signals.Hashtags)
        {
            writer.WriteStartObject();
            writer.WriteString("hashtag_name", tag);
            writer.WriteNumber("type", 1);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteMedia(Utf8JsonWriter writer, string name, string uri, string url, int width, int height)
    {
        writer.WriteStartObject(name);
        writer.WriteString("uri", uri);
        writer.WriteStartArray("url_list");
        writer.WriteStringValue(url);
        writer.WriteEndArray();
        writer.WriteNumber("width", width);
        writer.WriteNumber("height", height);
        writer.WriteNull("url_prefix");
        writer.WriteEndObject();
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}
