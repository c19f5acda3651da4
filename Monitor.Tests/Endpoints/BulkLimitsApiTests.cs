using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Monitor.Core.Common;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Endpoints;

/// <summary>
/// Every field of the bulk endpoint at its limit (accepted and stored as sent) and one past it (a 400 naming the
/// field, nothing stored), on both databases: the limits are the columns' own, so nothing that passes can fail there.
/// </summary>
public abstract class BulkLimitsApiTests<TDatabase>(TDatabase database) : ApiLimitsTestBase<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private const string Id = BulkLimitCases.Id;

    [Theory]
    [MemberData(nameof(BulkLimitCases.FieldsAtAndPastTheirLimit), MemberType = typeof(BulkLimitCases))]
    public async Task Bulk_FieldAtItsLimit_IsStoredAndOnePastIt_IsRefusedNamingIt(string field, object atLimit, object pastLimit)
    {
        var profileId = await AddProfileAsync();

        var refused = await PostAsync(profileId, Post(field, pastLimit));
        var accepted = await PostAsync(profileId, Post(field, atLimit));

        var problem = await AssertProblemAsync(refused);
        var message = Assert.Single(problem.GetProperty("errors").EnumerateObject());
        Assert.Equal($"posts[0].{field}", message.Name);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        await using var db = Database.CreateDbContext();
        var stored = await db.Posts.SingleAsync();
        Assert.Equal(field == "awemeId" ? atLimit : Id, stored.AwemeId);
        if (field == "description")
        {
            Assert.Equal(atLimit, stored.Description);
        }
    }

    [Fact]
    public async Task Bulk_SamePostTwice_IsRefusedNamingTheIdAndStoresNothing()
    {
        var profileId = await AddProfileAsync();

        var response = await PostAsync(profileId, new { awemeId = Id, viewCount = 1 }, new { awemeId = "7000000000000000002" }, new { awemeId = Id, viewCount = 2 });

        var problem = await AssertProblemAsync(response);
        var error = problem.GetProperty("errors").GetProperty("posts[2].awemeId")[0].GetString();
        Assert.Contains(Id, error, StringComparison.Ordinal);
        Assert.Contains("posts[0]", error, StringComparison.Ordinal);
        await using var db = Database.CreateDbContext();
        Assert.Empty(db.Posts);
    }

    [Fact]
    public async Task Bulk_PostedAtWithOffset_IsStoredAsTheSameInstantInUtc()
    {
        var profileId = await AddProfileAsync();

        var response = await PostAsync(profileId, new { awemeId = Id, postedAt = "2025-10-16T15:25:00+02:00" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = Database.CreateDbContext();
        var postedAt = (await db.Posts.SingleAsync()).PostedAt!.Value;
        Assert.Equal(new DateTime(2025, 10, 16, 13, 25, 0, DateTimeKind.Utc), postedAt);
        Assert.Equal(DateTimeKind.Utc, postedAt.Kind);
    }

    [Fact]
    public async Task Bulk_CountsWhoseSumPassesSixtyFourBits_KeepTheTotalAtTheLargestValueInsteadOfFailing()
    {
        var profileId = await AddProfileAsync();
        object[] Batch(int from) => [.. Enumerable.Range(from, 4_700).Select(n => new { awemeId = $"{7_000_000_000_000_000_000 + n}", viewCount = FieldLimits.MaxCount, likeCount = 1 })];

        var first = await PostAsync(profileId, Batch(0));
        var second = await PostAsync(profileId, Batch(4_700));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var totals = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(long.MaxValue, totals.GetProperty("totalViews").GetInt64());
        Assert.Equal(9_400, totals.GetProperty("totalLikes").GetInt64());
        await using var db = Database.CreateDbContext();
        var profile = await db.Profiles.SingleAsync();
        Assert.Equal((9_400L, long.MaxValue), (profile.TotalPosts, profile.Totals.Views));
    }

    [Fact]
    public async Task Bulk_OneBadPostAmongGoodOnes_StoresNothing()
    {
        var profileId = await AddProfileAsync();

        var response = await PostAsync(profileId, new { awemeId = Id, viewCount = 5 }, new { awemeId = "7000000000000000002", viewCount = FieldLimits.MaxCount + 1 });

        await AssertProblemAsync(response);
        await using var db = Database.CreateDbContext();
        Assert.Empty(db.Posts);
        Assert.Equal(0, (await db.Profiles.SingleAsync()).Totals.Views);
    }

    private static Dictionary<string, object> Post(string field, object value)
    {
        var post = new Dictionary<string, object> { ["awemeId"] = Id };
        post[field] = value;
        return post;
    }

    private Task<HttpResponseMessage> PostAsync(Guid profileId, params object[] posts) =>
        Client.PostAsJsonAsync("/api/tiktok/posts/bulk", new { profileId, posts });
}

public sealed class PostgresBulkLimitsApiTests(PostgresDatabase database) : BulkLimitsApiTests<PostgresDatabase>(database);

public sealed class SqliteBulkLimitsApiTests(SqliteDatabase database) : BulkLimitsApiTests<SqliteDatabase>(database);
