using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Exports;
using Monitor.Core.Metrics;
using Monitor.Core.Posts;
using Monitor.Core.Posts.History;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;
using Monitor.Core.Scraping;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Exports;

/// <summary>The CSV downloads, parsed back as a spreadsheet would read them and compared with the database, on both databases.</summary>
public abstract class ProfileExportTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private const string ApiKey = "export-test-key-0123456789";
    private static readonly DateTime Start = new(2026, 11, 20, 8, 0, 0, DateTimeKind.Utc);
    private ApiApp? _app;

    private HttpClient Client => _app!.Client;

    public async Task InitializeAsync()
    {
        await database.ClearProfilesAsync();
        _app = new ApiApp(database, ApiKey);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task PostsCsv_MatchesTheStoredPosts_WithAHeaderAndTheHandleInTheFileName()
    {
        var profileId = await SeedAsync("exported", posts: 3, snapshots: 2);

        var response = await Client.GetAsync(new Uri($"/api/tiktok/profiles/{profileId}/export/posts.csv", UriKind.Relative));
        var rows = await ReadCsvAsync(response);

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Matches(@"^exported-posts-\d{4}-\d{2}-\d{2}\.csv$", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        await using var db = database.CreateDbContext();
        var stored = await db.Posts.Where(p => p.ProfileId == profileId).ToDictionaryAsync(p => p.AwemeId);
        Assert.Equal(stored.Count, rows.Count);
        foreach (var row in rows)
        {
            var post = stored[row["awemeId"]];
            Assert.Equal(post.Description, row["description"]);
            foreach (var metric in PostMetrics.All)
            {
                Assert.Equal(metric.Get(post.Metrics)?.ToString(CultureInfo.InvariantCulture) ?? "", row[metric.CountJsonName]);
            }

            Assert.Equal(post.PostedAt, DateTime.Parse(row["postedAt"], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal));
            foreach (var rate in Monitor.Core.Insights.Engagement.EngagementRateDefinition.All)
            {
                Assert.Equal(rate.Compute(post.Metrics)?.ToString("R", CultureInfo.InvariantCulture) ?? "", row[rate.CsvHeader]);
            }
        }
    }

    [Fact]
    public async Task HistoryCsv_IsLongForm_AndHonoursFromAndTo()
    {
        var profileId = await SeedAsync("history", posts: 2, snapshots: 3);

        var all = await ReadCsvAsync(await Client.GetAsync(new Uri($"/api/tiktok/profiles/{profileId}/export/history.csv", UriKind.Relative)));
        var from = Start.AddHours(1).ToString("O", CultureInfo.InvariantCulture);
        var to = Start.AddHours(2).ToString("O", CultureInfo.InvariantCulture);
        var window = await ReadCsvAsync(await Client.GetAsync(new Uri($"/api/tiktok/profiles/{profileId}/export/history.csv?from={from}&to={to}", UriKind.Relative)));

        Assert.Equal(6, all.Count);
        Assert.Equal(["recordedAt", "awemeId", "viewCount", "likeCount", "shareCount", "commentCount", "saveCount"], all[0].Keys);
        Assert.Equal(all.Select(r => r["recordedAt"]).Order(StringComparer.Ordinal), all.Select(r => r["recordedAt"]));
        Assert.Equal(2, window.Count);
        Assert.All(window, r => Assert.Equal("2026-11-20T09:00:00Z", r["recordedAt"]));
        await using var db = database.CreateDbContext();
        var views = await db.PostMetricsHistory.Where(h => h.Post!.ProfileId == profileId).Select(h => h.Metrics.Views).ToListAsync();
        Assert.Equal(views.Order(), all.Select(r => (long?)long.Parse(r["viewCount"], CultureInfo.InvariantCulture)).Order());
    }

    [Fact]
    public async Task History_RepeatsThenAChangeThenRepeats_ListsEveryObservationAndItsTimeThroughApiAndCsv()
    {
        var profileId = await SeedAsync("repeats", posts: 1, snapshots: 0);
        var ingestor = _app!.Services.GetRequiredService<PostIngestor>();
        long[] views = [500, 500, 500, 700, 700, 700];
        for (var s = 0; s < views.Length; s++)
        {
            PostSnapshot post = new() { AwemeId = "7199999999999999001", PostedAt = Start.AddDays(-1), Metrics = new PostMetrics(views[s], 5, 1, 2, null) };
            await ingestor.IngestAsync(profileId, [post], Start.AddHours(s).AddMilliseconds(250 * s), CancellationToken.None);
        }

        await using var db = database.CreateDbContext();
        var postId = await db.Posts.Where(p => p.ProfileId == profileId).Select(p => p.Id).SingleAsync();
        var api = await Client.GetFromJsonAsync<JsonElement>(new Uri($"/api/tiktok/posts/{postId}/metrics-history", UriKind.Relative));
        var csv = await ReadCsvAsync(await Client.GetAsync(new Uri($"/api/tiktok/profiles/{profileId}/export/history.csv", UriKind.Relative)));

        var expected = views.Select((v, s) => (At: Start.AddHours(s).AddMilliseconds(250 * s), Views: v)).ToList();
        Assert.Equal(expected, api.EnumerateArray().Select(e => (e.GetProperty("recordedAt").GetDateTime().ToUniversalTime(), e.GetProperty("viewCount").GetInt64())));
        // The CSV writes times to the second.
        Assert.Equal(expected.Select(e => (e.At.AddTicks(-(e.At.Ticks % TimeSpan.TicksPerSecond)), e.Views)), csv.Select(r => (DateTime.Parse(r["recordedAt"], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal), long.Parse(r["viewCount"], CultureInfo.InvariantCulture))));
        // Six observations, two rows: the repeats cost no row of their own.
        Assert.Equal(1, await db.Set<PostHistorySpan>().CountAsync(s => s.PostId == postId));
        Assert.Equal(1, await db.Set<PostHistoryOpenSpan>().CountAsync(s => s.PostId == postId));
    }

    [Fact]
    public async Task LogsCsv_ListsTheRuns()
    {
        var profileId = await SeedAsync("logged", posts: 1, snapshots: 1);
        await using (var db = database.CreateDbContext())
        {
            db.Runs.Add(new MonitoringRun
            {
                ProfileId = profileId,
                Status = MonitoringStatus.Failed,
                Trigger = MonitoringTrigger.Manual,
                CreatedAt = Start,
                ScheduledFor = Start,
                StartedAt = Start,
                CompletedAt = Start.AddSeconds(3),
                PagesScraped = 2,
                PostsScraped = 40,
                RequestsMade = 3,
                Error = "Upstream said \"slow down\", twice",
            });
            await db.SaveChangesAsync();
        }

        var rows = await ReadCsvAsync(await Client.GetAsync(new Uri($"/api/tiktok/profiles/{profileId}/export/logs.csv", UriKind.Relative)));

        var row = Assert.Single(rows);
        Assert.Equal(("failed", "manual", "2", "40", "3"), (row["status"], row["trigger"], row["pagesScraped"], row["postsScraped"], row["requestsMade"]));
        Assert.Equal("Upstream said \"slow down\", twice", row["error"]);
    }

    [Fact]
    public async Task Exports_UnknownProfileOrBadRange_AreProblems()
    {
        var profileId = await SeedAsync("ranges", posts: 1, snapshots: 1);

        var unknown = await Client.GetAsync(new Uri($"/api/tiktok/profiles/{Guid.NewGuid()}/export/posts.csv", UriKind.Relative));
        var badDate = await Client.GetAsync(new Uri($"/api/tiktok/profiles/{profileId}/export/history.csv?from=yesterday", UriKind.Relative));
        var backwards = await Client.GetAsync(new Uri($"/api/tiktok/profiles/{profileId}/export/history.csv?from=2026-11-02&to=2026-11-01", UriKind.Relative));
        var noOffset = await Client.GetAsync(new Uri($"/api/tiktok/profiles/{profileId}/export/history.csv?from=2026-11-01T10:00:00", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noOffset.StatusCode);
        Assert.Equal("application/problem+json", backwards.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task HistoryCsv_LargeExport_StreamsWithFlatMemory()
    {
        const int posts = 500;
        const int snapshots = 160;
        var profileId = await SeedAsync("large", posts, snapshots);
        var output = new MemorySamplingStream(sampleEveryBytes: 1024 * 1024);

        await _app!.Services.GetRequiredService<ProfileExports>().WriteHistoryAsync(profileId, null, null, output, CancellationToken.None);

        Assert.Equal(posts * snapshots + 1, output.Lines);
        Assert.True(output.BytesWritten > 4_000_000, $"only {output.BytesWritten} bytes written");
        // Streaming keeps the live heap flat; an export held in memory would grow it by about its own size.
        Assert.True(output.LiveHeapGrowth < output.BytesWritten / 4,
            $"live heap grew by {output.LiveHeapGrowth:N0} bytes while writing {output.BytesWritten:N0}");
    }

    private async Task<Guid> SeedAsync(string handle, int posts, int snapshots)
    {
        var now = DateTime.UtcNow;
        var profile = new TiktokProfile { Handle = handle, CreatedAt = now, UpdatedAt = now };
        await using (var db = database.CreateDbContext())
        {
            db.Profiles.Add(profile);
            await db.SaveChangesAsync();
        }

        var ingestor = _app!.Services.GetRequiredService<PostIngestor>();
        for (var s = 0; s < snapshots; s++)
        {
            var page = Enumerable.Range(1, posts).Select(i => new PostSnapshot
            {
                AwemeId = (7_100_000_000_000_000_000L + (Math.Abs(handle.GetHashCode(StringComparison.Ordinal)) % 1000 * 100_000L) + i).ToString(CultureInfo.InvariantCulture),
                Description = $"Post {i}, \"quoted\" · ünïcode",
                PostedAt = Start.AddDays(-i),
                Metrics = new PostMetrics(1000L * i + s, 10L * i + s, i, 2L * i, null),
            }).ToList();
            await ingestor.IngestAsync(profile.Id, page, Start.AddHours(s), CancellationToken.None);
        }

        return profile.Id;
    }

    private static async Task<List<Dictionary<string, string>>> ReadCsvAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<Dictionary<string, string>>();
        await csv.ReadAsync();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        while (await csv.ReadAsync())
        {
            rows.Add(header.ToDictionary(h => h, h => csv.GetField(h)!));
        }

        return rows;
    }
}

[Collection(HeapMeasurementCollection.Name)]
public sealed class PostgresProfileExportTests(PostgresDatabase database) : ProfileExportTests<PostgresDatabase>(database);

[Collection(HeapMeasurementCollection.Name)]
public sealed class SqliteProfileExportTests(SqliteDatabase database) : ProfileExportTests<SqliteDatabase>(database);
