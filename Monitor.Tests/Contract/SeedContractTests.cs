using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Contract;

/// <summary>
/// The REST API read the way a client written from the seed's text reads it: by field name, through
/// <see cref="JsonElement"/>, never through the server's own DTO types.
/// </summary>
public abstract class SeedContractTests<TDatabase>(TDatabase database) : ApiTests<TDatabase>(database, ApiKey)
    where TDatabase : TestDatabase
{
    private const string ApiKey = "contract-test-key-0123456789";

    public override async Task InitializeAsync()
    {
        Upstream.ServeFixtureCreator();
        Settings["MONITOR_ADMIN_USER"] = "contract-admin";
        Settings["MONITOR_ADMIN_PASSWORD"] = "contract-admin-password";
        await base.InitializeAsync();
    }

    [Fact]
    public async Task Client_ReadsSeedFieldNames_OnProfilesPostsHistoryAndLogs()
    {
        var created = await PostJsonAsync("/api/tiktok/profiles", new { handle = "@" + FixtureFiles.FixtureHandle, monitoringEnabled = false });
        var id = created.GetProperty("id").GetString();
        await PostJsonAsync("/api/tiktok/posts/bulk", new
        {
            profileId = id,
            posts = new[]
            {
                new { awemeId = "7000000000000000001", viewCount = 1000, likeCount = 100, shareCount = 10, commentCount = 20, saveCount = 30 },
                new { awemeId = "7000000000000000002", viewCount = 500, likeCount = 50, shareCount = 5, commentCount = 6, saveCount = 7 },
            },
        });

        var list = await Client.GetFromJsonAsync<JsonElement>("/api/tiktok/profiles");
        var item = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("handle").GetString() == FixtureFiles.FixtureHandle);
        Assert.Equal(id, item.GetProperty("id").GetString());
        Assert.False(item.GetProperty("monitoringEnabled").GetBoolean());
        Assert.Equal(1500, item.GetProperty("totalViews").GetInt64());
        Assert.Equal(150, item.GetProperty("totalLikes").GetInt64());
        Assert.Equal(15, item.GetProperty("totalShares").GetInt64());
        Assert.Equal(26, item.GetProperty("totalComments").GetInt64());
        Assert.Equal(37, item.GetProperty("totalSaves").GetInt64());
        Assert.Equal(2, item.GetProperty("totalPosts").GetInt64());
        Assert.True(item.TryGetProperty("lastMonitoringRun", out _));
        Assert.True(item.TryGetProperty("nextMonitoringRun", out _));
        Assert.True(item.TryGetProperty("lastRunStatus", out _));

        var posts = await Client.GetFromJsonAsync<JsonElement>($"/api/tiktok/profiles/{id}/posts?includeHistory=true&sortBy=viewCount&descending=true");
        var top = posts.GetProperty("items")[0];
        Assert.Equal("7000000000000000001", top.GetProperty("awemeId").GetString());
        Assert.Equal(1000, top.GetProperty("viewCount").GetInt64());
        Assert.Equal(30, top.GetProperty("saveCount").GetInt64());
        var snapshot = top.GetProperty("metricsHistory")[0];
        Assert.Equal(1000, snapshot.GetProperty("viewCount").GetInt64());
        Assert.Equal(100, snapshot.GetProperty("likeCount").GetInt64());
        Assert.Equal(10, snapshot.GetProperty("shareCount").GetInt64());
        Assert.Equal(20, snapshot.GetProperty("commentCount").GetInt64());
        Assert.Equal(30, snapshot.GetProperty("saveCount").GetInt64());
        Assert.Equal(JsonValueKind.String, snapshot.GetProperty("recordedAt").ValueKind);
        Assert.False(top.TryGetProperty("views", out _), "the old name must not linger beside the seed's");

        await PostJsonAsync($"/api/tiktok/profiles/{id}/monitoring/trigger", new { }, HttpStatusCode.Accepted);
        var monitoring = await Client.GetFromJsonAsync<JsonElement>($"/api/tiktok/profiles/{id}/monitoring");
        Assert.False(monitoring.GetProperty("enabled").GetBoolean());
        Assert.False(monitoring.GetProperty("monitoringEnabled").GetBoolean());
        var log = monitoring.GetProperty("logs")[0];
        foreach (var field in new[] { "status", "startedAt", "completedAt", "postsScraped", "pagesScraped", "error", "trigger", "attempt", "requestsMade" })
        {
            Assert.True(log.TryGetProperty(field, out _), $"a log entry has no '{field}'");
        }

        Assert.Equal("manual", log.GetProperty("trigger").GetString());
    }

    [Fact]
    public async Task Client_SortsByAnyNameOfAMetric()
    {
        var created = await PostJsonAsync("/api/tiktok/profiles", new { handle = FixtureFiles.FixtureHandle, monitoringEnabled = false });
        var id = created.GetProperty("id").GetString();
        await PostJsonAsync("/api/tiktok/posts/bulk", new
        {
            profileId = id,
            posts = new[]
            {
                new { awemeId = "7000000000000000011", likeCount = 1 },
                new { awemeId = "7000000000000000012", likeCount = 3 },
                new { awemeId = "7000000000000000013", likeCount = 2 },
            },
        });

        foreach (var name in new[] { "likeCount", "likes" })
        {
            var posts = await Client.GetFromJsonAsync<JsonElement>($"/api/tiktok/profiles/{id}/posts?sortBy={name}&descending=true");
            Assert.Equal([3L, 2L, 1L], posts.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("likeCount").GetInt64()));
        }
    }

    [Fact]
    public async Task Statistics_Api_ReturnsTheDashboardFigures_AndRefusesBadPeriods()
    {
        await PostJsonAsync("/api/tiktok/profiles", new { handle = FixtureFiles.FixtureHandle, monitoringEnabled = true });

        var stats = await Client.GetFromJsonAsync<JsonElement>("/api/monitoring/statistics?days=7");
        var zero = await Client.GetAsync(new Uri("/api/monitoring/statistics?days=0", UriKind.Relative));
        var tooLong = await Client.GetAsync(new Uri("/api/monitoring/statistics?days=100000", UriKind.Relative));

        Assert.Equal(7, stats.GetProperty("days").GetInt32());
        Assert.Equal(7, stats.GetProperty("perDay").GetArrayLength());
        Assert.Equal(1, stats.GetProperty("profilesMonitored").GetInt32());
        foreach (var field in new[] { "runs", "completed", "failed", "interrupted", "successRate", "medianDurationSeconds", "p95DurationSeconds", "requests", "postsTracked", "historyRows", "slowestProfiles", "mostFailingProfiles", "timeZone" })
        {
            Assert.True(stats.TryGetProperty(field, out _), $"statistics have no '{field}'");
        }

        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
    }

    [Fact]
    public async Task ProfilesRoute_ServesTheProfilesList()
    {
        using var signedIn = Security.AccountClient.For(App.Factory);
        await signedIn.SignInAsync("contract-admin", "contract-admin-password");

        var page = await signedIn.GetAsync("/profiles");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<title>Profiles", html, StringComparison.Ordinal);
        // The server's first render has not loaded the rows (the grid loads them once live): it says so, not "none".
        Assert.Contains("data-testid=\"profiles-loading\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("No profiles yet", html, StringComparison.Ordinal);
    }

    private async Task<JsonElement> PostJsonAsync(string path, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await Client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == expected || (expected == HttpStatusCode.OK && response.StatusCode == HttpStatusCode.Created),
            $"{path}: {(int)response.StatusCode} {json}");
        return json;
    }
}

public sealed class PostgresSeedContractTests(PostgresDatabase database) : SeedContractTests<PostgresDatabase>(database);

public sealed class SqliteSeedContractTests(SqliteDatabase database) : SeedContractTests<SqliteDatabase>(database);
