using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Monitor.Core.Posts;
using Monitor.Tests.Endpoints;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Posts;

/// <summary>The free signals through the API: sent with the bulk endpoint, read back camelCase, filtered, bad filters refused.</summary>
public abstract class PostSignalsApiTests<TDatabase>(TDatabase database) : ApiLimitsTestBase<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private const string Ad = "7800000000000000001";
    private const string Partner = "7800000000000000002";
    private const string PinnedUnknown = "7800000000000000003";
    private const string Plain = "7800000000000000004";

    [Theory]
    [InlineData("", new[] { Ad, Partner, PinnedUnknown, Plain })]
    [InlineData("ad=true", new[] { Ad })]
    [InlineData("ad=false", new[] { Partner, PinnedUnknown, Plain })]
    [InlineData("paidPartnership=true", new[] { Partner })]
    [InlineData("shop=TRUE", new[] { Partner })]
    [InlineData("pinned=true", new[] { PinnedUnknown })]
    [InlineData("originalSound=true", new[] { Ad })]
    [InlineData("originalSound=false", new[] { Partner, PinnedUnknown, Plain })]
    [InlineData("hashtag=dance", new[] { Ad, Partner })]
    [InlineData("hashtag=%23DANCE", new[] { Ad, Partner })]
    [InlineData("hashtag=fyp&ad=true", new[] { Ad })]
    [InlineData("hashtag=fyp&ad=false", new string[0])]
    [InlineData("hashtag=nothere", new string[0])]
    [InlineData("sound=7900000000000000002", new[] { Partner })]
    public async Task PostList_Filter_ReturnsTheMatchingPostsAndTheirCount(string filter, string[] expected)
    {
        var profile = await SeedAsync();

        var page = await GetPostsAsync(profile, filter);

        Assert.Equal(expected.Order(), page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("awemeId").GetString()!).Order());
        Assert.Equal(expected.Length, page.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task PostList_SignalsInTheBody_CamelCaseWithTheSoundAsAnObject()
    {
        var profile = await SeedAsync();

        var items = (await GetPostsAsync(profile, "")).GetProperty("items").EnumerateArray().ToDictionary(p => p.GetProperty("awemeId").GetString()!);

        var ad = items[Ad];
        Assert.True(ad.GetProperty("isAd").GetBoolean());
        Assert.False(ad.GetProperty("isPaidPartnership").GetBoolean());
        Assert.Equal(["dance", "fyp"], ad.GetProperty("hashtags").EnumerateArray().Select(t => t.GetString()));
        var sound = ad.GetProperty("sound");
        Assert.Equal(("7900000000000000001", "original sound - signals", "signals", true),
            (sound.GetProperty("id").GetString(), sound.GetProperty("title").GetString(), sound.GetProperty("author").GetString(), sound.GetProperty("isOriginal").GetBoolean()));
        var partner = items[Partner];
        Assert.Equal((true, "https://shop.tiktok.com/view/product/77"), (partner.GetProperty("hasShopProduct").GetBoolean(), partner.GetProperty("shopProductUrl").GetString()));
        var unknown = items[PinnedUnknown];
        Assert.True(unknown.GetProperty("isPinned").GetBoolean());
        Assert.False(unknown.GetProperty("isAd").GetBoolean(), "a flag never reported reads false");
        Assert.Equal(JsonValueKind.Null, unknown.GetProperty("sound").ValueKind);
        Assert.Empty(unknown.GetProperty("hashtags").EnumerateArray());
    }

    [Theory]
    [InlineData("ad=maybe", "ad")]
    [InlineData("pinned=yes", "pinned")]
    [InlineData("paidPartnership=1", "paidPartnership")]
    [InlineData("shop=on", "shop")]
    [InlineData("originalSound=x", "originalSound")]
    [InlineData("hashtag=two%20words", "hashtag")]
    [InlineData("hashtag=%23", "hashtag")]
    [InlineData("sound=abc", "sound")]
    public async Task PostList_UnknownFilterValue_Returns400NamingTheParameter(string filter, string parameter)
    {
        var profile = await AddProfileAsync();

        var problem = await AssertProblemAsync(await GetAsync($"/api/tiktok/profiles/{profile}/posts?{filter}"));

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), $"the problem names {parameter}");
    }

    [Fact]
    public async Task Bulk_BadHashtagOrSound_Returns400AndWritesNothing()
    {
        var profile = await AddProfileAsync();

        var response = await Client.PostAsJsonAsync(new Uri("/api/tiktok/posts/bulk", UriKind.Relative), new
        {
            profileId = profile,
            posts = new object[]
            {
                new { awemeId = "7800000000000000009", hashtags = new[] { "ok", "not ok" }, sound = new { id = "x1", title = "t" } },
            },
        });

        var errors = (await AssertProblemAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("posts[0].hashtags[1]", out _));
        Assert.True(errors.TryGetProperty("posts[0].sound.id", out _));
        Assert.Equal(0, (await GetPostsAsync(profile, "")).GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Bulk_ThousandPosts_SignalsAndHashtagsStoredOnTheCopyPathToo()
    {
        var profile = await AddProfileAsync("many");
        var posts = Enumerable.Range(0, 1_200).Select(i => new
        {
            awemeId = (7_810_000_000_000_000_000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
            isAd = i % 10 == 0,
            hashtags = i % 3 == 0 ? new[] { "third", "all" } : new[] { "all" },
            sound = new { id = "7900000000000000009", title = "Shared", author = "someone", isOriginal = false },
        });

        var response = await Client.PostAsJsonAsync(new Uri("/api/tiktok/posts/bulk", UriKind.Relative), new { profileId = profile, posts });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(120, (await GetPostsAsync(profile, "ad=true")).GetProperty("totalCount").GetInt32());
        Assert.Equal(400, (await GetPostsAsync(profile, "hashtag=third")).GetProperty("totalCount").GetInt32());
        Assert.Equal(1_200, (await GetPostsAsync(profile, "hashtag=all&sound=7900000000000000009")).GetProperty("totalCount").GetInt32());
    }

    private async Task<JsonElement> GetPostsAsync(Guid profile, string filter)
    {
        var response = await GetAsync($"/api/tiktok/profiles/{profile}/posts?{filter}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private async Task<Guid> SeedAsync()
    {
        var profile = await AddProfileAsync("signals");
        var response = await Client.PostAsJsonAsync(new Uri("/api/tiktok/posts/bulk", UriKind.Relative), new
        {
            profileId = profile,
            posts = new object[]
            {
                new
                {
                    awemeId = Ad, isAd = true, isPaidPartnership = false, hashtags = new[] { "#Dance", "fyp" },
                    sound = new { id = "7900000000000000001", title = "original sound - signals", author = "signals", isOriginal = true },
                },
                new
                {
                    awemeId = Partner, isAd = false, isPaidPartnership = true, hasShopProduct = true, shopProductUrl = "https://shop.tiktok.com/view/product/77",
                    hashtags = new[] { "dance" }, sound = new { id = "7900000000000000002", title = "Summer Anthem", author = "The Simulated", isOriginal = false },
                },
                new { awemeId = PinnedUnknown, isPinned = true },
                new { awemeId = Plain, isAd = false, isPaidPartnership = false, hashtags = Array.Empty<string>() },
            },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return profile;
    }
}

public sealed class PostgresPostSignalsApiTests(PostgresDatabase database) : PostSignalsApiTests<PostgresDatabase>(database);

public sealed class SqlitePostSignalsApiTests(SqliteDatabase database) : PostSignalsApiTests<SqliteDatabase>(database);
