using System.Net;
using Monitor.Core.Catalog;
using Monitor.Core.Common;
using Monitor.Core.Profiles;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Endpoints;

/// <summary>Paging, ranges and search of the read routes at and over their bounds: 200 at the bound, 400 past it.</summary>
public abstract class QueryLimitsApiTests<TDatabase>(TDatabase database) : ApiLimitsTestBase<TDatabase>(database)
    where TDatabase : TestDatabase
{
    [Theory]
    [InlineData("page=1000000", HttpStatusCode.OK)]
    [InlineData("pageSize=500", HttpStatusCode.OK)]
    [InlineData("page=1000001", HttpStatusCode.BadRequest)]
    [InlineData("page=2147483647", HttpStatusCode.BadRequest)]
    [InlineData("page=2147483647&pageSize=500", HttpStatusCode.BadRequest)]
    [InlineData("page=0", HttpStatusCode.BadRequest)]
    [InlineData("page=-2147483648", HttpStatusCode.BadRequest)]
    [InlineData("pageSize=501", HttpStatusCode.BadRequest)]
    [InlineData("pageSize=0", HttpStatusCode.BadRequest)]
    public async Task ProfileList_Paging_AtBoundOkPastItRefused(string query, HttpStatusCode expected)
    {
        await AddProfileAsync();

        var response = await GetAsync($"/api/tiktok/profiles?{query}");

        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            var problem = await AssertProblemAsync(response);
            Assert.Contains("1–1,000,000", problem.GetProperty("errors").GetProperty("page")[0].GetString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("page=1000000&pageSize=1000", HttpStatusCode.OK)]
    [InlineData("page=1000001", HttpStatusCode.BadRequest)]
    [InlineData("page=2147483647", HttpStatusCode.BadRequest)]
    [InlineData("page=2147483647&pageSize=1000&includeHistory=true", HttpStatusCode.BadRequest)]
    [InlineData("pageSize=1001", HttpStatusCode.BadRequest)]
    public async Task PostList_Paging_AtBoundOkPastItRefused(string query, HttpStatusCode expected)
    {
        var id = await AddProfileAsync();

        var response = await GetAsync($"/api/tiktok/profiles/{id}/posts?{query}");

        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            await AssertProblemAsync(response);
        }
    }

    [Theory]
    [InlineData(ProfileHistoryQueries.MaxDays, HttpStatusCode.OK)]
    [InlineData(ProfileHistoryQueries.MaxDays + 1, HttpStatusCode.BadRequest)]
    [InlineData(int.MaxValue, HttpStatusCode.BadRequest)]
    [InlineData(0, HttpStatusCode.BadRequest)]
    public async Task MetricsHistory_Days_AtBoundOkPastItRefused(int days, HttpStatusCode expected)
    {
        var id = await AddProfileAsync();

        var response = await GetAsync($"/api/tiktok/profiles/{id}/metrics-history?days={days}");

        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            var problem = await AssertProblemAsync(response);
            Assert.Contains("3650", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/api/tiktok/profiles?page=99999999999")]
    [InlineData("/api/tiktok/profiles?pageSize=abc")]
    [InlineData("/api/tiktok/profiles/{id}/posts?page=1.5")]
    [InlineData("/api/tiktok/profiles/{id}/metrics-history?days=99999999999")]
    [InlineData("/api/tiktok/profiles/{id}/posts?includeHistory=maybe")]
    public async Task Query_ValueThatDoesNotFitItsType_IsAProblem400(string url)
    {
        var id = await AddProfileAsync();

        var response = await GetAsync(url.Replace("{id}", id.ToString(), StringComparison.Ordinal));

        await AssertProblemAsync(response);
    }

    [Fact]
    public async Task ProfileList_Search_LongestAllowedFindsNothingLongerOrControlCharactersRefused()
    {
        await AddProfileAsync();

        var atLimit = await GetAsync($"/api/tiktok/profiles?search={new string('a', FieldLimits.SearchLength)}");
        var overLimit = await GetAsync($"/api/tiktok/profiles?search={new string('a', FieldLimits.SearchLength + 1)}");
        var withNul = await GetAsync("/api/tiktok/profiles?search=lim%00its");
        var found = await GetAsync("/api/tiktok/profiles?search=%40LIMITS");

        Assert.Equal(HttpStatusCode.OK, atLimit.StatusCode);
        Assert.Contains("\"totalCount\":0", await atLimit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True((await AssertProblemAsync(overLimit)).GetProperty("errors").TryGetProperty("search", out _));
        Assert.True((await AssertProblemAsync(withNul)).GetProperty("errors").TryGetProperty("search", out _));
        Assert.Contains("\"totalCount\":1", await found.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class PostgresQueryLimitsApiTests(PostgresDatabase database) : QueryLimitsApiTests<PostgresDatabase>(database);

public sealed class SqliteQueryLimitsApiTests(SqliteDatabase database) : QueryLimitsApiTests<SqliteDatabase>(database);
