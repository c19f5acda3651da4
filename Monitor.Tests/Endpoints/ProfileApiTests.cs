using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Catalog;
using Monitor.Core.Dispatch;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Endpoints;

/// <summary>The REST API as a client sees it, on both databases, against a fake upstream.</summary>
public abstract class ProfileApiTests<TDatabase>(TDatabase database) : ApiTests<TDatabase>(database, ApiKey)
    where TDatabase : TestDatabase
{
    private const string ApiKey = "test-api-key-0123456789";

    [Fact]
    public async Task Api_WithoutOrWithWrongKey_Returns401()
    {
        using var anonymous = App.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/tiktok/profiles", UriKind.Relative))).StatusCode);
        anonymous.DefaultRequestHeaders.Add("X-Api-Key", "wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/tiktok/profiles", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Api_MalformedBodyOrUnknownRoute_AnswersProblemJson()
    {
        using var malformed = new StringContent("{\"handle\": ", System.Text.Encoding.UTF8, "application/json");

        var badBody = await Client.PostAsync(new Uri("/api/tiktok/profiles", UriKind.Relative), malformed);
        var unknown = await Client.GetAsync(new Uri("/api/no/such/route", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, badBody.StatusCode);
        Assert.Equal("application/problem+json", badBody.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Health_IsPublicAndChecksTheDatabase()
    {
        using var anonymous = App.Factory.CreateClient();
        var response = await anonymous.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"status\":\"Healthy\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fixture.creator")]
    [InlineData("@Fixture.Creator")]
    [InlineData("https://www.tiktok.com/@fixture.creator?lang=en")]
    public async Task AddProfile_AnyAcceptedForm_Creates201WithUpstreamDetails(string input)
    {
        Upstream.ServeFixtureCreator();

        var response = await Client.PostAsJsonAsync("/api/tiktok/profiles", new { handle = input });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var profile = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("fixture.creator", profile.GetProperty("handle").GetString());
        Assert.Equal("Fixture Creator", profile.GetProperty("nickname").GetString());
        Assert.Equal("7296276699038890826", profile.GetProperty("tiktokUserId").GetString());
        Assert.True(profile.GetProperty("monitoringEnabled").GetBoolean());
        Assert.Equal(24, profile.GetProperty("monitoringIntervalHours").GetInt32());
        Assert.Equal($"/api/tiktok/profiles/{profile.GetProperty("id").GetGuid()}", response.Headers.Location!.OriginalString);
        await RemoveAllProfilesAsync();
    }

    [Fact]
    public async Task AddProfile_AlreadyTracked_Returns409WithExistingId()
    {
        Upstream.ServeFixtureCreator();
        var created = await (await Client.PostAsJsonAsync("/api/tiktok/profiles", new { handle = "fixture.creator" })).Content.ReadFromJsonAsync<JsonElement>();

        var again = await Client.PostAsJsonAsync("/api/tiktok/profiles", new { handle = "@FIXTURE.creator" });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(created.GetProperty("id").GetGuid(), problem.GetProperty("existingId").GetGuid());
        await RemoveAllProfilesAsync();
    }

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("no spaces allowed")]
    [InlineData("https://www.youtube.com/@someone")]
    public async Task AddProfile_InvalidHandle_Returns400AndSavesNothing(string input)
    {
        var response = await Client.PostAsJsonAsync("/api/tiktok/profiles", new { handle = input });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("2–24", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, (await ListAsync()).GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task AddProfile_AccountMissingOrPrivate_Returns4xxAndSavesNothing()
    {
        Upstream.ServeProfile("ghost.account", 200, FixtureFiles.Read("error-404-or-private.json"));
        Upstream.ServeProfile("fixture.private", 200, FixtureFiles.Read("profile-private.json"));

        var missing = await Client.PostAsJsonAsync("/api/tiktok/profiles", new { handle = "ghost.account" });
        var hidden = await Client.PostAsJsonAsync("/api/tiktok/profiles", new { handle = "fixture.private" });

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("no account", await missing.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, hidden.StatusCode);
        Assert.Contains("private", await hidden.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, (await ListAsync()).GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task GetAndDelete_UnknownId_Return404()
    {
        var id = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(new Uri($"/api/tiktok/profiles/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.DeleteAsync(new Uri($"/api/tiktok/profiles/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(new Uri($"/api/tiktok/profiles/{id}/posts", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Posts_AfterTwoRuns_ReturnPagedPostsWithNewestHistoryFirst()
    {
        Upstream.ServeFixtureCreator();
        var id = (await (await Client.PostAsJsonAsync("/api/tiktok/profiles", new { handle = "fixture.creator", monitoringEnabled = false })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id").GetGuid();
        await RunAsync(id);
        await RunAsync(id);

        var all = await Client.GetFromJsonAsync<JsonElement>($"/api/tiktok/profiles/{id}/posts?includeHistory=true");
        var page = await Client.GetFromJsonAsync<JsonElement>($"/api/tiktok/profiles/{id}/posts?page=2&pageSize=3");
        var profile = await Client.GetFromJsonAsync<JsonElement>($"/api/tiktok/profiles/{id}");

        Assert.Equal(8, all.GetProperty("totalCount").GetInt32());
        var posts = all.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(8, posts.Count);
        Assert.All(posts, p =>
        {
            var history = p.GetProperty("metricsHistory").EnumerateArray().Select(h => h.GetProperty("recordedAt").GetDateTime()).ToList();
            Assert.Equal(2, history.Count);
            Assert.True(history[0] >= history[1]);
        });
        Assert.Equal("7561810045865935646", posts[0].GetProperty("awemeId").GetString());
        Assert.Equal(3, page.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("items")[0].GetProperty("metricsHistory").ValueKind);
        Assert.Equal(posts.Sum(p => p.GetProperty("likeCount").GetInt64()), profile.GetProperty("totalLikes").GetInt64());
        Assert.Equal(8, profile.GetProperty("totalPosts").GetInt64());
        await RemoveAllProfilesAsync();
    }

    [Fact]
    public async Task MetricsHistory_AfterTwoRuns_ListsProfileTotalsAndPostSnapshotsOldestFirst()
    {
        Upstream.ServeFixtureCreator();
        var id = (await (await Client.PostAsJsonAsync("/api/tiktok/profiles", new { handle = "fixture.creator", monitoringEnabled = false })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id").GetGuid();
        await RunAsync(id);
        await RunAsync(id);
        var post = (await Client.GetFromJsonAsync<JsonElement>($"/api/tiktok/profiles/{id}/posts?pageSize=1")).GetProperty("items")[0];

        var totals = await Client.GetFromJsonAsync<JsonElement>($"/api/tiktok/profiles/{id}/metrics-history?days=30");
        var snapshots = await Client.GetFromJsonAsync<JsonElement>($"/api/tiktok/posts/{post.GetProperty("id").GetInt64()}/metrics-history");

        Assert.Equal(2, totals.GetArrayLength());
        Assert.True(totals[0].GetProperty("recordedAt").GetDateTime() <= totals[1].GetProperty("recordedAt").GetDateTime());
        Assert.Equal(341_120, totals[1].GetProperty("totalLikes").GetInt64());
        Assert.Equal(2, snapshots.GetArrayLength());
        Assert.Equal(post.GetProperty("viewCount").GetInt64(), snapshots[1].GetProperty("viewCount").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(new Uri($"/api/tiktok/profiles/{Guid.NewGuid()}/metrics-history", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(new Uri("/api/tiktok/posts/999999999/metrics-history", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetAsync(new Uri($"/api/tiktok/profiles/{id}/metrics-history?days=0", UriKind.Relative))).StatusCode);
        await RemoveAllProfilesAsync();
    }

    [Theory]
    [InlineData("pageSize=0")]
    [InlineData("pageSize=1001")]
    [InlineData("page=0")]
    public async Task Posts_BadPaging_Returns400(string query)
    {
        Upstream.ServeFixtureCreator();
        var id = (await (await Client.PostAsJsonAsync("/api/tiktok/profiles", new { handle = "fixture.creator" })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id").GetGuid();

        var response = await Client.GetAsync(new Uri($"/api/tiktok/profiles/{id}/posts?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await RemoveAllProfilesAsync();
    }

    [Fact]
    public async Task Delete_Profile_RemovesItWithItsPosts()
    {
        Upstream.ServeFixtureCreator();
        var id = (await (await Client.PostAsJsonAsync("/api/tiktok/profiles", new { handle = "fixture.creator", monitoringEnabled = false })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id").GetGuid();
        await RunAsync(id);

        var deleted = await Client.DeleteAsync(new Uri($"/api/tiktok/profiles/{id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(new Uri($"/api/tiktok/profiles/{id}", UriKind.Relative))).StatusCode);
        await using var db = Database.CreateDbContext();
        Assert.Empty(db.Posts.Where(p => p.ProfileId == id));
    }

    [Fact]
    public async Task BulkUpsert_NewAndExistingPosts_UpsertsThroughTheRunPathAndRecomputesTotals()
    {
        Upstream.ServeFixtureCreator();
        var id = (await (await Client.PostAsJsonAsync("/api/tiktok/profiles", new { handle = "fixture.creator", monitoringEnabled = false })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id").GetGuid();
        var created = await Client.PostAsJsonAsync("/api/tiktok/posts/bulk", new
        {
            profileId = id,
            posts = new object[]
            {
                new { awemeId = "7000000000000000001", description = "first", viewCount = 100, likeCount = 10, shareCount = 1, commentCount = 2, saveCount = 3 },
                new { awemeId = "7000000000000000002", description = "second", viewCount = 50, likeCount = 5 },
            },
        });

        var response = await Client.PostAsJsonAsync("/api/tiktok/posts/bulk", new
        {
            profileId = id,
            posts = new object[] { new { awemeId = "7000000000000000001", description = "first, seen again", viewCount = 150, likeCount = 12, shareCount = 1, commentCount = 2, saveCount = 3 } },
        });

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(2, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("written").GetInt32());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, result.GetProperty("written").GetInt32());
        Assert.Equal(200, result.GetProperty("totalViews").GetInt64());
        Assert.Equal(17, result.GetProperty("totalLikes").GetInt64());
        var profile = await Client.GetFromJsonAsync<JsonElement>($"/api/tiktok/profiles/{id}");
        Assert.Equal(2, profile.GetProperty("totalPosts").GetInt64());
        await RemoveAllProfilesAsync();
    }

    [Fact]
    public async Task Posts_PageOfMoreThanAChunk_IsStreamedWholeInOrderWithItsHistory()
    {
        Upstream.ServeFixtureCreator();
        var id = (await (await Client.PostAsJsonAsync("/api/tiktok/profiles", new { handle = "fixture.creator", monitoringEnabled = false })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id").GetGuid();
        const int count = (Monitor.Core.Catalog.PostPage.ChunkSize * 2) + 50;
        for (var snapshot = 1; snapshot <= 2; snapshot++)
        {
            var posts = Enumerable.Range(0, count).Select(i => new { awemeId = (7_100_000_000_000_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), viewCount = (snapshot * 1000) + i });
            Assert.Equal(HttpStatusCode.OK, (await Client.PostAsJsonAsync("/api/tiktok/posts/bulk", new { profileId = id, posts })).StatusCode);
        }

        var response = await Client.GetAsync(new Uri($"/api/tiktok/profiles/{id}/posts?includeHistory=true&pageSize=1000&sortBy=views&descending=false", UriKind.Relative));
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["items", "totalCount", "page", "pageSize"], page.EnumerateObject().Select(p => p.Name));
        Assert.Equal(count, page.GetProperty("totalCount").GetInt32());
        Assert.Equal(1000, page.GetProperty("pageSize").GetInt32());
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(0, count).Select(i => 2000L + i), items.Select(p => p.GetProperty("viewCount").GetInt64()));
        Assert.All(items, p => Assert.Equal(
            [p.GetProperty("viewCount").GetInt64(), p.GetProperty("viewCount").GetInt64() - 1000],
            p.GetProperty("metricsHistory").EnumerateArray().Select(h => h.GetProperty("viewCount").GetInt64())));
        await RemoveAllProfilesAsync();
    }

    [Fact]
    public async Task BulkUpsert_InvalidPostsOrUnknownProfile_AreRejectedAndWriteNothing()
    {
        var invalid = await Client.PostAsJsonAsync("/api/tiktok/posts/bulk", new
        {
            profileId = Guid.NewGuid(),
            posts = new object[] { new { awemeId = "12ab", viewCount = -5 }, new { awemeId = "1", coverUrl = "javascript:alert(1)" } },
        });
        var unknown = await Client.PostAsJsonAsync("/api/tiktok/posts/bulk", new { profileId = Guid.NewGuid(), posts = new object[] { new { awemeId = "1" } } });

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("posts[0].awemeId", out _));
        Assert.True(errors.TryGetProperty("posts[0].viewCount", out _));
        Assert.True(errors.TryGetProperty("posts[1].coverUrl", out _));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await using var db = Database.CreateDbContext();
        Assert.Empty(db.Posts);
    }

    /// <summary>Update Now, run here to the end (the app's scheduler may deliver it too: one of the two claims it).</summary>
    private async Task RunAsync(Guid profileId)
    {
        var request = await App.Services.GetRequiredService<RunLifecycle>().QueueAsync(profileId, MonitoringTrigger.Manual, 1, null, CancellationToken.None);
        await App.Services.GetRequiredService<MonitoringRunner>().RunAsync(request!.Log.Id, CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        MonitoringStatus status;
        do
        {
            await using var db = Database.CreateDbContext();
            status = db.Runs.Single(l => l.Id == request.Log.Id).Status;
            Assert.True(DateTime.UtcNow < deadline, $"Run {request.Log.Id} still {status} after 20 s");
            await Task.Delay(status is MonitoringStatus.Pending or MonitoringStatus.Running ? 50 : 0);
        }
        while (status is MonitoringStatus.Pending or MonitoringStatus.Running);
        Assert.Equal(MonitoringStatus.Completed, status);
    }

    private Task<JsonElement> ListAsync() => Client.GetFromJsonAsync<JsonElement>("/api/tiktok/profiles");

    /// <summary>Waits for the runs that adding with Monitor on started, so the delete does not race their page writes.</summary>
    private async Task RemoveAllProfilesAsync()
    {
        await using var db = Database.CreateDbContext();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await db.Runs.AnyAsync(l => l.Status == MonitoringStatus.Pending || l.Status == MonitoringStatus.Running) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        db.Profiles.RemoveRange(db.Profiles);
        await db.SaveChangesAsync();
    }
}

public sealed class PostgresProfileApiTests(PostgresDatabase database) : ProfileApiTests<PostgresDatabase>(database);

public sealed class SqliteProfileApiTests(SqliteDatabase database) : ProfileApiTests<SqliteDatabase>(database);
