using System.Text.Json;
using Monitor.Core.Common;
using Monitor.Core.Posts;
using Monitor.Core.Scraping;
using Monitor.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Monitor.Tests.Scraping;

/// <summary>The free signals of a feed page read by the real client: every one from the fixture, absent ones left unknown.</summary>
public sealed class FreeSignalsWireTests : IDisposable
{
    private const string SponsoredPost = "7561810045865935646";
    private readonly FakeScrapeCreators _upstream = new();

    public void Dispose() => _upstream.Dispose();

    [Fact]
    public async Task GetPostsPageAsync_PinnedFixture_ReadsEverySignalOfTheSponsoredPost()
    {
        var posts = await ReadAsync(FixtureFiles.Read("profile-videos-pinned.json"));

        var sponsored = posts.Single(p => p.AwemeId == SponsoredPost);
        Assert.Equal((false, false, true, true), (sponsored.IsPinned, sponsored.IsAd, sponsored.IsPaidPartnership, sponsored.HasShopProduct));
        Assert.Equal("https://shop.tiktok.com/view/product/fixture-0001", sponsored.ShopProductUrl);
        Assert.Equal(new PostSound("7000000000000000001", "original sound - fixture.creator", "fixture.creator", true), sponsored.Sound);
        Assert.Equal(["fixture", "test"], sponsored.Hashtags);
    }

    [Fact]
    public async Task GetPostsPageAsync_PinnedFixture_FieldsAPostLacksStayUnknown()
    {
        var posts = await ReadAsync(FixtureFiles.Read("profile-videos-pinned.json"));

        var pinned = posts[0];
        Assert.Equal((true, false), (pinned.IsPinned, pinned.IsAd));
        Assert.Null(pinned.IsPaidPartnership);
        Assert.Null(pinned.HasShopProduct);
        Assert.Null(pinned.ShopProductUrl);
        Assert.Null(pinned.Sound);

        // Its caption says #fixture, but without text_extra the set is not reported (and not guessed from the caption).
        Assert.Null(pinned.Hashtags);
    }

    [Fact]
    public async Task GetPostsPageAsync_TrimmedFixture_EverySignalButIsAdUnknown()
    {
        var posts = await ReadAsync(FixtureFiles.Read("profile-videos-trimmed.json"));

        Assert.NotEmpty(posts);
        Assert.All(posts, p =>
        {
            Assert.Equal<bool?>([null, false, null, null], [p.IsPinned, p.IsAd, p.IsPaidPartnership, p.HasShopProduct]);
            Assert.Null(p.Sound);
            Assert.Null(p.Hashtags);
        });
    }

    [Fact]
    public async Task GetPostsPageAsync_LooseShapes_NormalisedOrDropped()
    {
        var page = Page(new Dictionary<string, object?>
        {
            ["is_ad"] = "1",
            ["is_paid_partnership"] = 0,
            ["shop_product_url"] = "https://shop.tiktok.com/view/product/42",
            ["music"] = new { id = 7_000_000_000_000_000_123m, title = "  Track  ", author = "", is_original_sound = "false" },
            ["text_extra"] = new object?[]
            {
                new { hashtag_name = "#Dance", type = 1 }, new { user_id = "123", type = 0 }, null,
                new { hashtag_name = "dance" }, new { hashtag_name = "two words" }, new { hashtag_name = new string('x', 101) },
                new { hashtag_name = "fyp" },
            },
        });

        var post = Assert.Single(await ReadAsync(page));

        Assert.Equal((true, false), (post.IsAd, post.IsPaidPartnership));
        Assert.True(post.HasShopProduct, "a shop link without is_eligible_for_commission still marks a shop post");
        Assert.Equal(new PostSound("7000000000000000123", "Track", null, false), post.Sound);
        Assert.Equal(["dance", "fyp"], post.Hashtags);
    }

    [Fact]
    public async Task GetPostsPageAsync_SoundWithoutNumericIdOrEmptyTags_NoSoundAndAnEmptySet()
    {
        var page = Page(new Dictionary<string, object?>
        {
            ["music"] = new { id_str = "not-a-number", title = "x" },
            ["text_extra"] = Array.Empty<object>(),
            ["shop_product_url"] = "javascript:alert(1)",
        });

        var post = Assert.Single(await ReadAsync(page));

        Assert.Null(post.Sound);
        Assert.Equal([], post.Hashtags);
        Assert.Null(post.ShopProductUrl);
    }

    private static string Page(Dictionary<string, object?> signals)
    {
        var post = new Dictionary<string, object?>
        {
            ["aweme_id"] = "7561810045865935999",
            ["desc"] = "crafted",
            ["create_time"] = 1_760_000_000,
            ["statistics"] = new { play_count = 10 },
        };
        foreach (var (key, value) in signals)
        {
            post[key] = value;
        }

        return JsonSerializer.Serialize(new { success = true, aweme_list = new[] { post }, has_more = false, max_cursor = 0 });
    }

    private async Task<IReadOnlyList<PostSnapshot>> ReadAsync(string body)
    {
        _upstream.Server.Given(Request.Create().WithPath(FakeScrapeCreators.VideosPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body));
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url);
        return (await host.Client.GetPostsPageAsync(FixtureFiles.FixtureHandle, null, null, CancellationToken.None)).Posts;
    }
}
