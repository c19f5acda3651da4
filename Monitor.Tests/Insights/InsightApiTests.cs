using System.Net;
using System.Text.Json;
using Monitor.Tests.Endpoints;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Insights;

/// <summary>The insight routes through the keyed API: figures with their formulas named, 404 for an unknown profile, 400 naming a bad parameter.</summary>
public abstract class InsightApiTests<TDatabase>(TDatabase database) : ApiLimitsTestBase<TDatabase>(database)
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task Engagement_DefaultWindow_NamesFormulaWindowAndCount()
    {
        var profile = await SeedAsync();

        var body = await ReadAsync($"/api/tiktok/profiles/{profile}/engagement");

        Assert.Equal("the last 30 posts by posting time", body.GetProperty("windowDescription").GetString());
        Assert.Equal(2, body.GetProperty("posts").GetInt64());
        var byViews = body.GetProperty("rates")[0];
        Assert.Equal(("views", "(likes + comments + shares) / views"), (byViews.GetProperty("variant").GetString(), byViews.GetProperty("formula").GetString()));
        Assert.Equal(0.1, byViews.GetProperty("medianOfPostRates").GetDouble(), 12);
        Assert.Equal(120.0 / 1_100, byViews.GetProperty("ratioOfSums").GetDouble(), 12);
    }

    [Fact]
    public async Task Engagement_Period_OnlyThePostsPublishedInIt()
    {
        var profile = await SeedAsync();

        var body = await ReadAsync($"/api/tiktok/profiles/{profile}/engagement?window=period&from=2026-03-01&to=2026-03-02T00:00:00Z");

        Assert.Equal(1, body.GetProperty("posts").GetInt64());
        Assert.Equal(0.2, body.GetProperty("rates")[0].GetProperty("medianOfPostRates").GetDouble(), 12);
    }

    [Fact]
    public async Task PostsAndProfile_CarryTheRatesUnderNamesThatSayTheirFormula()
    {
        var profile = await SeedAsync();

        var posts = (await ReadAsync($"/api/tiktok/profiles/{profile}/posts")).GetProperty("items").EnumerateArray().ToList();
        var single = await ReadAsync($"/api/tiktok/profiles/{profile}");

        Assert.Equal([0.1, 0.2], posts.Select(p => Math.Round(p.GetProperty("engagementRateByViews").GetDouble(), 12)).Order());
        Assert.All(posts, p => Assert.Equal(JsonValueKind.Null, p.GetProperty("engagementRateByFollowers").ValueKind));
        Assert.Contains(posts, p => p.GetProperty("engagementRateByViewsWithSaves").ValueKind == JsonValueKind.Null);
        var engagement = single.GetProperty("engagementLast30Posts");
        Assert.Equal(2, engagement.GetProperty("posts").GetInt64());
        Assert.Equal(0.1, engagement.GetProperty("rates")[0].GetProperty("medianOfPostRates").GetDouble(), 12);
    }

    [Fact]
    public async Task BestTimeHashtagsSoundsSameAge_AnswerForAProfile()
    {
        var profile = await SeedAsync();

        var best = await ReadAsync($"/api/tiktok/profiles/{profile}/best-time?timeZone=Europe/Berlin&excludeAds=true");
        var tags = await ReadAsync($"/api/tiktok/profiles/{profile}/hashtags?sortBy=medianViews&descending=false");
        var sounds = await ReadAsync($"/api/tiktok/profiles/{profile}/sounds?from=2026-01-01");
        var sameAge = await ReadAsync($"/api/tiktok/profiles/{profile}/same-age");

        Assert.Equal(("Europe/Berlin", false, 28L), (best.GetProperty("timeZone").GetString(), best.GetProperty("hasEnoughData").GetBoolean(), best.GetProperty("postsNeeded").GetInt64()));
        Assert.Equal("median views 24 h after posting", best.GetProperty("measure").GetString());
        Assert.Equal(["solo", "duo"], tags.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("key").GetString()));
        Assert.Equal("(likes + comments + shares) / views", tags.GetProperty("engagementRateFormula").GetString());
        Assert.Single(sounds.GetProperty("borrowed").EnumerateArray());
        Assert.Empty(sounds.GetProperty("original").EnumerateArray());
        Assert.Equal((2L, 90L), (sameAge.GetProperty("at24Hours").GetProperty("knownPosts").GetInt64(), sameAge.GetProperty("at24Hours").GetProperty("medianViews").GetInt64()));
    }

    [Theory]
    [InlineData("engagement?window=last7", "window")]
    [InlineData("engagement?from=2026-01-01", "window")]
    [InlineData("engagement?window=period&from=yesterday", "from")]
    [InlineData("engagement?window=period&from=2026-03-02&to=2026-03-01", "to")]
    [InlineData("engagement?window=period&to=2026-03-01T10:00:00", "to")]
    [InlineData("best-time?timeZone=Mars/Olympus", "timeZone")]
    [InlineData("best-time?excludeAds=maybe", "excludeAds")]
    [InlineData("best-time?from=13/01/2026", "from")]
    [InlineData("hashtags?sortBy=likes", "sortBy")]
    [InlineData("hashtags?descending=down", "descending")]
    [InlineData("sounds?to=never", "to")]
    [InlineData("same-age?from=x", "from")]
    public async Task BadParameter_Returns400NamingIt(string route, string parameter)
    {
        var profile = await AddProfileAsync("insights.bad");

        var problem = await AssertProblemAsync(await GetAsync($"/api/tiktok/profiles/{profile}/{route}"));

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), $"the problem names {parameter}");
    }

    [Theory]
    [InlineData("engagement")]
    [InlineData("same-age")]
    [InlineData("best-time")]
    [InlineData("hashtags")]
    [InlineData("sounds")]
    public async Task UnknownProfile_Returns404(string route) =>
        await AssertProblemAsync(await GetAsync($"/api/tiktok/profiles/{Guid.NewGuid()}/{route}"), HttpStatusCode.NotFound);

    private async Task<JsonElement> ReadAsync(string url)
    {
        var response = await GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>Two posts: 0.1 by views (with saves unknown), 0.2 by views; tagged #duo and #solo; one borrowed sound.</summary>
    private async Task<Guid> SeedAsync()
    {
        var seed = new InsightSeed(Database.ContextFactory);
        var profile = await seed.ProfileAsync("insights.api");
        await seed.PostAsync(profile, new DateTime(2026, 2, 20, 9, 0, 0, DateTimeKind.Utc), InsightSeed.Counts(1_000, 80, 10, 10), [(24, 1_000)],
            p => (p.HashtagsJson, p.SoundId, p.SoundTitle, p.SoundIsOriginal) = ("""["duo","solo"]""", "7400000000000000009", "Song", false));
        await seed.PostAsync(profile, new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc), InsightSeed.Counts(100, 10, 5, 5, 0), [(20, 90)],
            p => p.HashtagsJson = """["solo"]""");
        return profile;
    }
}

public sealed class PostgresInsightApiTests(PostgresDatabase database) : InsightApiTests<PostgresDatabase>(database);

public sealed class SqliteInsightApiTests(SqliteDatabase database) : InsightApiTests<SqliteDatabase>(database);
