using System.Net;
using System.Text.Json;
using Monitor.Tests.Endpoints;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Groups;

/// <summary>A group's best time and leaderboards through the keyed API: figures over the union of its members' posts (<see cref="GroupInsightSeed"/>), 404, 400.</summary>
public abstract class GroupInsightApiTests<TDatabase>(TDatabase database) : ApiLimitsTestBase<TDatabase>(database)
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task BestTime_TwoMembers_CellsOverTheUnionOfTheirPosts()
    {
        var seed = await SeedAsync("gi.best");

        var group = await ReadAsync($"/api/tiktok/groups/{seed.GroupId}/best-time?timeZone=Etc/UTC");
        var alone = await ReadAsync($"/api/tiktok/profiles/{seed.A}/best-time?timeZone=Etc/UTC");

        Assert.Equal((true, 30L, "Etc/UTC"), (group.GetProperty("hasEnoughData").GetBoolean(), group.GetProperty("postsWithKnownViews").GetInt64(), group.GetProperty("timeZone").GetString()));
        Assert.False(alone.GetProperty("hasEnoughData").GetBoolean());
        var cells = group.GetProperty("cells").EnumerateArray().ToList();
        Assert.Equal(["monday 9", "tuesday 10", "wednesday 11"], cells.Select(c => $"{c.GetProperty("weekday")} {c.GetProperty("hour")}").Order());
        var monday = cells.Single(c => c.GetProperty("hour").GetInt32() == 9);
        Assert.Equal((3L, 200L), (monday.GetProperty("posts").GetInt64(), monday.GetProperty("medianViews").GetInt64()));
    }

    [Fact]
    public async Task Hashtags_TwoMembers_RowsOverTheUnionOfTheirPosts()
    {
        var seed = await SeedAsync("gi.tags");

        var tags = await ReadAsync($"/api/tiktok/groups/{seed.GroupId}/hashtags");
        var sounds = await ReadAsync($"/api/tiktok/groups/{seed.GroupId}/sounds?from=2026-01-01");

        var rows = tags.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["shared", "bonly"], rows.Select(r => r.GetProperty("key").GetString()));
        var shared = rows[0];
        Assert.Equal((3L, 2_000L), (shared.GetProperty("posts").GetInt64(), shared.GetProperty("medianViews").GetInt64()));
        Assert.Equal(0.2, shared.GetProperty("medianEngagementRate").GetDouble(), 12);
        var best = shared.GetProperty("bestPost");
        Assert.Equal((seed.BestPostAwemeId, seed.A, 3_000L), (best.GetProperty("awemeId").GetString(), best.GetProperty("profileId").GetGuid(), best.GetProperty("viewCount").GetInt64()));
        Assert.Equal("(likes + comments + shares) / views", tags.GetProperty("engagementRateFormula").GetString());
        Assert.Equal(["7400000000000000077"], sounds.GetProperty("borrowed").EnumerateArray().Select(r => r.GetProperty("key").GetString()));
    }

    [Theory]
    [InlineData("best-time")]
    [InlineData("hashtags")]
    [InlineData("sounds")]
    public async Task UnknownGroup_Returns404(string route)
    {
        var problem = await AssertProblemAsync(await GetAsync($"/api/tiktok/groups/{Guid.NewGuid()}/{route}"), HttpStatusCode.NotFound);
        Assert.Equal("Group not found", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("best-time?timeZone=Mars/Olympus", "timeZone")]
    [InlineData("best-time?excludeAds=maybe", "excludeAds")]
    [InlineData("hashtags?sortBy=likes", "sortBy")]
    [InlineData("sounds?from=2026-03-02&to=2026-03-01", "to")]
    public async Task BadParameter_Returns400NamingIt(string route, string parameter)
    {
        var problem = await AssertProblemAsync(await GetAsync($"/api/tiktok/groups/{Guid.NewGuid()}/{route}"));

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), $"the problem names {parameter}");
    }

    private async Task<GroupInsightSeed> SeedAsync(string prefix)
    {
        var seed = new GroupInsightSeed(Database.ContextFactory);
        await seed.SeedAsync(prefix);
        return seed;
    }

    private async Task<JsonElement> ReadAsync(string url)
    {
        var response = await GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}

public sealed class PostgresGroupInsightApiTests(PostgresDatabase database) : GroupInsightApiTests<PostgresDatabase>(database);

public sealed class SqliteGroupInsightApiTests(SqliteDatabase database) : GroupInsightApiTests<SqliteDatabase>(database);
