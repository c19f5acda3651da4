using Microsoft.EntityFrameworkCore;
using Monitor.Core.Dispatch;
using Monitor.Core.Metrics;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;
using Monitor.Core.Scheduling;
using Monitor.Core.Scraping;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Dispatch;

/// <summary>The monitoring run end to end: the real client against a local fake upstream, on a real database.</summary>
public abstract class MonitoringRunnerTests<TDatabase>(TDatabase database) : FakeUpstreamTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task RunAsync_TwoPageFeed_WritesEveryPostHistoryAndTotals()
    {
        var handle = UniqueHandle();
        Upstream.ServeFixtureCreator(handle);
        await using var host = NewHost();
        var profileId = await host.AddProfileAsync(handle);

        var outcome = await host.RunOnceAsync(profileId);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(2, outcome.PagesScraped);
        Assert.Equal(8, outcome.PostsScraped);
        await using var db = Database.CreateDbContext();
        var posts = await db.Posts.Where(p => p.ProfileId == profileId).ToListAsync();
        Assert.Equal(8, posts.Count);
        Assert.Equal(8, await HistoryCountAsync(db, profileId));
        var profile = await db.Profiles.SingleAsync(p => p.Id == profileId);
        Assert.Equal(8, profile.TotalPosts);
        Assert.Equal(341_120, profile.Totals.Likes);
        foreach (var metric in PostMetrics.All)
        {
            Assert.Equal(posts.Sum(p => metric.Get(p.Metrics) ?? 0), metric.Get(profile.Totals));
        }

        Assert.Null(posts.Single(p => p.AwemeId == "7556664331189174550").Metrics.Views);
        Assert.NotNull(profile.LastMonitoringRun);
        // The profile's own slot within a day (and a sweep) of the run: never later than the interval plus one sweep period.
        var last = profile.LastMonitoringRun!.Value;
        var policy = host.Get<NextRunPolicy>();
        Assert.Equal(policy.NextRun(profileId, last, TimeSpan.FromHours(24), last), profile.NextMonitoringRun!.Value);
        Assert.InRange(profile.NextMonitoringRun.Value, last, last + TimeSpan.FromHours(24) + policy.SweepPeriod);
        var log = await db.Runs.SingleAsync(l => l.Id == outcome.LogId);
        Assert.Equal(MonitoringStatus.Completed, log.Status);
        Assert.Equal((2, 8, 2), (log.PagesScraped, log.PostsScraped, log.RequestsMade));
        Assert.NotNull(log.StartedAt);
        Assert.NotNull(log.CompletedAt);
        Assert.Null(log.Note);
        var snapshot = await db.ProfileMetricsHistory.SingleAsync(h => h.ProfileId == profileId);
        Assert.Equal((profile.TotalPosts, profile.Totals.Views, profile.Totals.Likes), (snapshot.TotalPosts, snapshot.Totals.Views, snapshot.Totals.Likes));
    }

    [Fact]
    public async Task RunAsync_SecondRun_AddsHistoryRowsWithoutDuplicatingPosts()
    {
        var handle = UniqueHandle();
        Upstream.ServeFixtureCreator(handle);
        await using var host = NewHost();
        var profileId = await host.AddProfileAsync(handle);

        Assert.True((await host.RunOnceAsync(profileId)).Succeeded);
        Assert.True((await host.RunOnceAsync(profileId)).Succeeded);

        await using var db = Database.CreateDbContext();
        Assert.Equal(8, await db.Posts.CountAsync(p => p.ProfileId == profileId));
        Assert.Equal(16, await HistoryCountAsync(db, profileId));
        Assert.Equal(2, await db.ProfileMetricsHistory.CountAsync(h => h.ProfileId == profileId));
        Assert.Equal(341_120, (await db.Profiles.SingleAsync(p => p.Id == profileId)).Totals.Likes);
    }

    [Fact]
    public async Task RunAsync_Unauthorized_FailsWithReadableErrorAndKeepsEarlierData()
    {
        var handle = UniqueHandle();
        Upstream.ServeFixtureCreator(handle);
        await using var host = NewHost();
        var profileId = await host.AddProfileAsync(handle);
        Assert.True((await host.RunOnceAsync(profileId)).Succeeded);
        Upstream.ServeAllVideos(401, FixtureFiles.Read("error-401.json"));

        var outcome = await host.RunOnceAsync(profileId);

        Assert.Equal(MonitoringStatus.Failed, outcome.Status);
        Assert.False(outcome.Retryable);
        await using var db = Database.CreateDbContext();
        var log = await db.Runs.SingleAsync(l => l.Id == outcome.LogId);
        Assert.Equal(MonitoringStatus.Failed, log.Status);
        Assert.Contains("API key", log.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, log.RequestsMade);
        Assert.Equal(8, await db.Posts.CountAsync(p => p.ProfileId == profileId));
        Assert.Equal(8, await HistoryCountAsync(db, profileId));
        Assert.Equal(341_120, (await db.Profiles.SingleAsync(p => p.Id == profileId)).Totals.Likes);
    }

    [Fact]
    public async Task RunAsync_OutOfCredits_FailsNotRetryableAndSaysSo()
    {
        var handle = UniqueHandle();
        Upstream.ServeFixtureCreator(handle);
        Upstream.ServeAllVideos(402, FixtureFiles.Read("error-402.json"));
        await using var host = NewHost();
        var profileId = await host.AddProfileAsync(handle);

        var outcome = await host.RunOnceAsync(profileId);

        Assert.Equal(MonitoringStatus.Failed, outcome.Status);
        Assert.False(outcome.Retryable);
        Assert.Contains("out of credits", outcome.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RunAsync_ServerErrorOnSecondPage_KeepsFirstPageAndAdvancesNextRun()
    {
        var handle = UniqueHandle();
        Upstream.ServeProfile(handle, 200, FixtureFiles.Read("profile.json"));
        Upstream.ServeVideos(handle, null, 200, FixtureFiles.Read("profile-videos-page1.json"));
        Upstream.ServeVideos(handle, FixtureFiles.PageTwoCursor, 500, """{"success":false,"message":"upstream exploded"}""");
        await using var host = NewHost();
        var profileId = await host.AddProfileAsync(handle);

        var outcome = await host.RunOnceAsync(profileId);

        Assert.Equal(MonitoringStatus.Failed, outcome.Status);
        Assert.True(outcome.Retryable);
        await using var db = Database.CreateDbContext();
        Assert.Equal(5, await db.Posts.CountAsync(p => p.ProfileId == profileId));
        Assert.Equal(5, await HistoryCountAsync(db, profileId));
        var log = await db.Runs.SingleAsync(l => l.Id == outcome.LogId);
        Assert.Equal(1, log.PagesScraped);
        Assert.False(string.IsNullOrWhiteSpace(log.Error));
        var profile = await db.Profiles.SingleAsync(p => p.Id == profileId);
        // Failed or not, the schedule moves on from the run's end by the one rule.
        var last = profile.LastMonitoringRun!.Value;
        Assert.Equal(host.Get<NextRunPolicy>().NextRun(profileId, last, TimeSpan.FromHours(24), last), profile.NextMonitoringRun);
        Assert.InRange(profile.NextMonitoringRun!.Value, last, last.AddHours(25));
        // The written page changed the posts: the totals follow them, though the run failed (and the chart gets no point).
        Assert.Equal((5, await db.Posts.Where(p => p.ProfileId == profileId).SumAsync(p => p.Metrics.Likes ?? 0)), (profile.TotalPosts, profile.Totals.Likes));
        Assert.Empty(await db.ProfileMetricsHistory.Where(h => h.ProfileId == profileId).ToListAsync());
    }

    [Theory]
    [InlineData(429, "rate")]
    [InlineData(503, "503")]
    [InlineData(0, "did not answer in time")]
    public async Task RunAsync_TransientFaultThatPersists_FailsRetryableAndKeepsEarlierData(int status, string expectedInError)
    {
        var handle = UniqueHandle();
        Upstream.ServeFixtureCreator(handle);
        await using var host = NewHost(new()
        {
            ["ScrapeCreators:AttemptTimeout"] = "00:00:00.500",
            ["ScrapeCreators:TotalTimeout"] = "00:00:03",
            ["ScrapeCreators:MaxRetryAttempts"] = "1",
        });
        var profileId = await host.AddProfileAsync(handle);
        Assert.True((await host.RunOnceAsync(profileId)).Succeeded);
        if (status == 0)
        {
            Upstream.ServeAllVideosAfter(TimeSpan.FromSeconds(5), FixtureFiles.Read("profile-videos-page1.json"));
        }
        else
        {
            Upstream.ServeAllVideos(status, """{"success":false,"message":"try later"}""", retryAfterSeconds: status == 429 ? 0 : null);
        }

        var outcome = await host.RunOnceAsync(profileId);

        Assert.Equal(MonitoringStatus.Failed, outcome.Status);
        Assert.True(outcome.Retryable);
        Assert.Contains(expectedInError, outcome.Error, StringComparison.OrdinalIgnoreCase);
        await using var db = Database.CreateDbContext();
        Assert.Equal(8, await db.Posts.CountAsync(p => p.ProfileId == profileId));
        Assert.Equal(341_120, (await db.Profiles.SingleAsync(p => p.Id == profileId)).Totals.Likes);
        Assert.Equal(MonitoringStatus.Failed, (await db.Runs.SingleAsync(l => l.Id == outcome.LogId)).Status);
    }

    [Fact]
    public async Task RunAsync_MalformedJson_FailsWithClearError()
    {
        var handle = UniqueHandle();
        Upstream.ServeFixtureCreator(handle);
        Upstream.ServeAllVideos(200, """{"success":true,"aweme_list":[{"aweme_id":""");
        await using var host = NewHost();
        var profileId = await host.AddProfileAsync(handle);

        var outcome = await host.RunOnceAsync(profileId);

        Assert.Equal(MonitoringStatus.Failed, outcome.Status);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Error));
        await using var db = Database.CreateDbContext();
        Assert.Equal(0, await db.Posts.CountAsync(p => p.ProfileId == profileId));
    }

    [Fact]
    public async Task RunAsync_CursorThatRepeats_CompletesWithNote()
    {
        var handle = UniqueHandle();
        Upstream.ServeProfile(handle, 200, FixtureFiles.Read("profile.json"));
        Upstream.ServeVideos(handle, null, 200, FixtureFiles.Read("profile-videos-page1.json"));
        var pageTwoLoopingBack = FixtureFiles.Read("profile-videos-page2.json")
            .Replace("\"has_more\": 0", "\"has_more\": 1", StringComparison.Ordinal)
            .Replace("\"max_cursor\": 1758970800000", $"\"max_cursor\": {FixtureFiles.PageTwoCursor}", StringComparison.Ordinal);
        Upstream.ServeVideos(handle, FixtureFiles.PageTwoCursor, 200, pageTwoLoopingBack);
        await using var host = NewHost();
        var profileId = await host.AddProfileAsync(handle);

        var outcome = await host.RunOnceAsync(profileId);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(8, outcome.PostsScraped);
        Assert.Equal(2, Upstream.VideoRequests);
        await using var db = Database.CreateDbContext();
        var log = await db.Runs.SingleAsync(l => l.Id == outcome.LogId);
        Assert.Contains("second time", log.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_HasMoreForever_StopsAtThePageCap()
    {
        var handle = UniqueHandle();
        Upstream.ServeProfile(handle, 200, FixtureFiles.Read("profile.json"));
        var page = 0;
        string NextPage()
        {
            var n = Interlocked.Increment(ref page);
            return $$$"""{"success":true,"aweme_list":[{"aweme_id":"{{{7_000_000_000_000_000_000 + n}}}","desc":"p{{{n}}}","create_time":1760000000,"statistics":{"play_count":{{{n}}},"digg_count":1}}],"has_more":true,"max_cursor":"{{{2_000_000_000_000 - n}}}"}""";
        }

        Upstream.ServeVideos(handle, null, 200, NextPage());
        for (var cursor = 1; cursor <= 10; cursor++)
        {
            Upstream.ServeVideos(handle, $"{2_000_000_000_000 - cursor}", NextPage);
        }

        await using var host = NewHost(new() { ["Monitoring:MaxPages"] = "4" });
        var profileId = await host.AddProfileAsync(handle);

        var outcome = await host.RunOnceAsync(profileId);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(4, outcome.PagesScraped);
        Assert.Equal(4, Upstream.VideoRequests);
        await using var db = Database.CreateDbContext();
        Assert.Contains("page cap", (await db.Runs.SingleAsync(l => l.Id == outcome.LogId)).Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ProfileDeletedBetweenPages_FailsCleanlyAndLeavesNothingBehind()
    {
        var handle = UniqueHandle();
        Upstream.ServeProfile(handle, 200, FixtureFiles.Read("profile.json"));
        Upstream.ServeVideos(handle, null, 200, FixtureFiles.Read("profile-videos-page1.json"));
        Guid profileId = default;
        Upstream.ServeVideos(handle, FixtureFiles.PageTwoCursor, () =>
        {
            using var db = Database.CreateDbContext();
            db.Profiles.Where(p => p.Id == profileId).ExecuteDelete();
            return FixtureFiles.Read("profile-videos-page2.json");
        });
        await using var host = NewHost();
        profileId = await host.AddProfileAsync(handle);

        var outcome = await host.RunOnceAsync(profileId);

        Assert.Equal(MonitoringStatus.Failed, outcome.Status);
        Assert.False(outcome.Retryable);
        await using var check = Database.CreateDbContext();
        Assert.Equal(0, await check.Posts.CountAsync(p => p.ProfileId == profileId));
        Assert.Equal(0, await check.Runs.CountAsync(l => l.ProfileId == profileId));
    }

    [Fact]
    public async Task RunAsync_LogAlreadyCompleted_DoesNothing()
    {
        var handle = UniqueHandle();
        Upstream.ServeFixtureCreator(handle);
        await using var host = NewHost();
        var profileId = await host.AddProfileAsync(handle);
        var first = await host.RunOnceAsync(profileId);

        var again = await host.Get<MonitoringRunner>().RunAsync(first.LogId, CancellationToken.None);

        Assert.Equal(MonitoringStatus.Completed, again.Status);
        Assert.Equal(2, Upstream.VideoRequests);
        await using var db = Database.CreateDbContext();
        Assert.Equal(8, await HistoryCountAsync(db, profileId));
    }

    [Fact]
    public async Task IngestAsync_CounterOmittedLater_KeepsLastKnownValueAndRecordsTheOmission()
    {
        var handle = UniqueHandle();
        Upstream.ServeFixtureCreator(handle);
        await using var host = NewHost();
        var profileId = await host.AddProfileAsync(handle);
        var ingestor = host.Get<PostIngestor>();
        var first = new PostSnapshot { AwemeId = "7100000000000000001", Description = "a", Metrics = new(Views: 100, Likes: 5, null, null, null) };

        await ingestor.IngestAsync(profileId, [first], DateTime.UtcNow.AddMinutes(-1), CancellationToken.None);
        await ingestor.IngestAsync(profileId, [first with { Metrics = first.Metrics with { Views = null, Likes = 7 } }], DateTime.UtcNow, CancellationToken.None);

        await using var db = Database.CreateDbContext();
        var post = await db.Posts.SingleAsync(p => p.AwemeId == first.AwemeId);
        Assert.Equal((100L, 7L), (post.Metrics.Views!.Value, post.Metrics.Likes!.Value));
        var history = await db.PostMetricsHistory.Where(h => h.PostId == post.Id).OrderBy(h => h.RecordedAt).ToListAsync();
        Assert.Equal([100L, null], history.Select(h => h.Metrics.Views));
        Assert.Equal([5L, 7L], history.Select(h => h.Metrics.Likes));
    }

    private CoreHost NewHost(Dictionary<string, string?>? extra = null)
    {
        var settings = Upstream.Settings;
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return new(Database, settings);
    }

    private static Task<int> HistoryCountAsync(Monitor.Core.Data.MonitorDbContext db, Guid profileId) =>
        db.PostMetricsHistory.CountAsync(h => h.Post!.ProfileId == profileId);

    /// <summary>Posts' aweme ids are unique across profiles, so each test deletes what an earlier one wrote.</summary>
    private string UniqueHandle()
    {
        using var db = Database.CreateDbContext();
        db.Profiles.ExecuteDelete();
        return $"creator_{Guid.NewGuid():N}"[..20];
    }
}

public sealed class PostgresMonitoringRunnerTests(PostgresDatabase database) : MonitoringRunnerTests<PostgresDatabase>(database);

public sealed class SqliteMonitoringRunnerTests(SqliteDatabase database) : MonitoringRunnerTests<SqliteDatabase>(database);
