using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Audience;

/// <summary>The account history through the REST API and its CSV, on both databases, after adding a profile against the fake upstream.</summary>
public abstract class AudienceApiTests<TDatabase>(TDatabase database) : ApiTests<TDatabase>(database, ApiKey)
    where TDatabase : TestDatabase
{
    private const string ApiKey = "test-api-key-audience-0123";

    [Fact]
    public async Task AddedProfile_CountersInProfileListHistoryAndCsv()
    {
        var id = await AddFixtureCreatorAsync();

        var profile = await Client.GetFromJsonAsync<JsonElement>($"/api/tiktok/profiles/{id}");
        var list = await Client.GetFromJsonAsync<JsonElement>("/api/tiktok/profiles");
        var history = await Client.GetFromJsonAsync<JsonElement>($"/api/tiktok/profiles/{id}/account-history?from=2000-01-01");
        var csv = await Client.GetStringAsync(new Uri($"/api/tiktok/profiles/{id}/export/account-history.csv", UriKind.Relative));

        Assert.Equal((15230L, 87L, 341120L, 8L), Counters(profile, "likesCount"));
        Assert.NotEqual(JsonValueKind.Null, profile.GetProperty("countersObservedAt").ValueKind);
        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal((15230L, 87L, 341120L, 8L), Counters(item, "likesCount"));
        var snapshot = Assert.Single(history.EnumerateArray());
        Assert.Equal((15230L, 87L, 341120L, 8L), Counters(snapshot, "likesCount"));
        Assert.Equal("profileAdded", snapshot.GetProperty("source").GetString());
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("recordedAt,followerCount,followingCount,likesReceivedCount,videoCount,source,monitoringLogId", lines[0]);
        Assert.EndsWith(",15230,87,341120,8,profileAdded,", Assert.Single(lines[1..]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-13-01", "to")]
    [InlineData("from=2026-12-02&to=2026-12-01", "from must be before to")]
    public async Task AccountHistory_BadRange_400NamesTheParameter(string query, string named)
    {
        var id = await AddFixtureCreatorAsync();

        var response = await Client.GetAsync(new Uri($"/api/tiktok/profiles/{id}/account-history?{query}", UriKind.Relative));
        var csv = await Client.GetAsync(new Uri($"/api/tiktok/profiles/{id}/export/account-history.csv?{query}", UriKind.Relative));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (response.StatusCode, csv.StatusCode));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith(named, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccountHistoryAndAudience_UnknownProfile_404()
    {
        var history = await Client.GetAsync(new Uri($"/api/tiktok/profiles/{Guid.NewGuid()}/account-history", UriKind.Relative));
        var audience = await Client.GetAsync(new Uri($"/api/tiktok/profiles/{Guid.NewGuid()}/audience", UriKind.Relative));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (history.StatusCode, audience.StatusCode));
    }

    [Fact]
    public async Task Audience_OneCount_GainsUnknownAndMilestoneNotYetProjected()
    {
        var id = await AddFixtureCreatorAsync();

        var audience = await Client.GetFromJsonAsync<JsonElement>($"/api/tiktok/profiles/{id}/audience");

        Assert.Equal([1, 7, 30], audience.GetProperty("gains").EnumerateArray().Select(g => g.GetProperty("days").GetInt32()));
        Assert.All(audience.GetProperty("gains").EnumerateArray(), g => Assert.Equal(JsonValueKind.Null, g.GetProperty("gain").ValueKind));
        var milestone = audience.GetProperty("milestone");
        Assert.Equal(("notEnoughData", 100_000L), (milestone.GetProperty("outlook").GetString(), milestone.GetProperty("nextMilestone").GetInt64()));
    }

    private async Task<Guid> AddFixtureCreatorAsync()
    {
        Upstream.ServeFixtureCreator();
        var response = await Client.PostAsJsonAsync("/api/tiktok/profiles", new { handle = "fixture.creator", monitoringEnabled = false });
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("existingId").GetGuid();
        }

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static (long, long, long, long) Counters(JsonElement e, string likes) =>
        (e.GetProperty("followerCount").GetInt64(), e.GetProperty("followingCount").GetInt64(), e.GetProperty(likes).GetInt64(), e.GetProperty("videoCount").GetInt64());
}

public sealed class PostgresAudienceApiTests(PostgresDatabase database) : AudienceApiTests<PostgresDatabase>(database);

public sealed class SqliteAudienceApiTests(SqliteDatabase database) : AudienceApiTests<SqliteDatabase>(database);
