using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Dispatch;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Core.RunQueries;
using Monitor.Core.Runs;
using Monitor.Core.Scheduling;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Scans;

/// <summary>By-age runs end to end: the real runner and client against a daily-posting creator on the fake upstream.</summary>
public abstract class ByAgeRunTests<TDatabase>(TDatabase database) : FakeUpstreamTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private const int Posts = 1_000;
    private const int PageSize = 30;

    [Fact]
    public async Task Runs_ByAgeProfile_FullFirstThenWindowsStopAtTheRightPage()
    {
        var timeline = Serve();
        await using var host = new CoreHost(Database, Upstream.Settings);
        var profileId = await host.AddProfileAsync(timeline.Handle, monitoringEnabled: false);
        Assert.NotNull(await host.Get<ProfileSchedule>().ChangeAsync(profileId, new(ScanMode: ScanMode.ByAge), CancellationToken.None));

        // No scan yet: the first scheduled run reads every page, the pinned post included.
        var full = await RunAsync(host, timeline, profileId, MonitoringTrigger.Scheduled);
        var fullPages = (int)Math.Ceiling(Posts / (double)PageSize);
        Assert.Equal((fullPages, Posts, (int?)null), (full.Log.PagesScraped, full.Log.PostsScraped, full.Log.ScanWindowHours));
        Assert.Equal(fullPages, full.Requests);

        // Update Now: the posts under 30 days. Page one's cursor is 28 days back, page two's 58: two pages, no third.
        var manual = await RunAsync(host, timeline, profileId, MonitoringTrigger.Manual);
        Assert.Equal((2, 30 * 24), (manual.Requests, manual.Log.ScanWindowHours));

        // A scheduled run before anything is due: the youngest rung, one page.
        var young = await RunAsync(host, timeline, profileId, MonitoringTrigger.Scheduled);
        Assert.Equal((1, 7 * 24), (young.Requests, young.Log.ScanWindowHours));

        await using var db = Database.CreateDbContext();
        var profile = await db.Profiles.SingleAsync(p => p.Id == profileId);
        var posts = await db.Posts.Where(p => p.ProfileId == profileId).ToListAsync();
        Assert.Equal(Posts, posts.Count);
        Assert.Equal(Posts, profile.TotalPosts);
        // Totals still cover every post, each with its latest known values.
        Assert.Equal(posts.Sum(p => p.Metrics.Views), profile.Totals.Views);
        Assert.Equal(posts.Sum(p => p.Metrics.Likes), profile.Totals.Likes);
        var pinned = posts.Single(p => p.AwemeId == timeline.AwemeId(0));
        Assert.Equal(3, await db.PostMetricsHistory.CountAsync(h => h.PostId == pinned.Id));
        var oldUnpinned = posts.Single(p => p.AwemeId == timeline.AwemeId(500));
        Assert.Equal(1, await db.PostMetricsHistory.CountAsync(h => h.PostId == oldUnpinned.Id));
    }

    [Fact]
    public async Task FullScanAction_OnByAgeProfile_ReadsEveryPage()
    {
        var timeline = Serve();
        await using var host = new CoreHost(Database, Upstream.Settings);
        var profileId = await host.AddProfileAsync(timeline.Handle, monitoringEnabled: false);
        await host.Get<ProfileSchedule>().ChangeAsync(profileId, new(ScanMode: ScanMode.ByAge), CancellationToken.None);
        await RunAsync(host, timeline, profileId, MonitoringTrigger.Scheduled);

        var before = timeline.Requests;
        var queued = await host.Get<MonitoringScheduleService>().QueueManualRunAsync(profileId, CancellationToken.None, fullScan: true);
        Assert.NotNull(queued);
        await host.Get<MonitoringRunner>().RunAsync(queued.LogId, CancellationToken.None);

        await using var db = Database.CreateDbContext();
        var log = await db.Runs.SingleAsync(l => l.Id == queued.LogId);
        Assert.True(log.FullScanRequested);
        Assert.Null(log.ScanWindowHours);
        Assert.Equal(log.PagesScraped, timeline.Requests - before);
        Assert.True(log.PagesScraped > 30);
    }

    [Fact]
    public async Task Status_ByAgeProfile_ShowsEachRungsLastAndNextRefresh()
    {
        var timeline = Serve();
        await using var host = new CoreHost(Database, Upstream.Settings);
        var profileId = await host.AddProfileAsync(timeline.Handle, monitoringEnabled: false);
        await host.Get<ProfileSchedule>().ChangeAsync(profileId, new(ScanMode: ScanMode.ByAge), CancellationToken.None);
        var full = await RunAsync(host, timeline, profileId, MonitoringTrigger.Scheduled);
        await host.Get<ProfileSchedule>().ChangeAsync(profileId, new(Enabled: true), CancellationToken.None);

        var status = await host.Get<MonitoringQueries>().GetStatusAsync(profileId, CancellationToken.None);

        Assert.NotNull(status);
        Assert.Equal(ScanMode.ByAge, status.ScanMode);
        Assert.NotNull(status.ScanSteps);
        Assert.Equal([7 * 24, 30 * 24, (int?)null], status.ScanSteps.Select(s => s.MaxAgeHours));
        Assert.All(status.ScanSteps, s => Assert.Equal(full.Log.StartedAt, s.LastRefresh));
        Assert.All(status.ScanSteps, s => Assert.NotNull(s.NextRefresh));
        Assert.True(status.ScanSteps[0].NextRefresh < status.ScanSteps[1].NextRefresh);
    }

    private DailyTimeline Serve()
    {
        using (var db = Database.CreateDbContext())
        {
            db.Profiles.ExecuteDelete();
        }

        var timeline = new DailyTimeline($"daily_{Guid.NewGuid():N}"[..18], Posts, PageSize, TimeProvider.System);
        Upstream.ServeProfile(timeline.Handle, 200, SyntheticCreators.Profile(timeline.Handle));
        Upstream.ServeFeed(timeline.Handle, timeline.Page);
        return timeline;
    }

    /// <returns>The run's log and the feed pages the upstream served it, which must be what the log counted.</returns>
    private static async Task<(MonitoringRun Log, int Requests)> RunAsync(CoreHost host, DailyTimeline timeline, Guid profileId, MonitoringTrigger trigger)
    {
        var before = timeline.Requests;
        var request = await host.Get<RunLifecycle>().QueueAsync(profileId, trigger, 1, null, CancellationToken.None);
        Assert.NotNull(request);
        var outcome = await host.Get<MonitoringRunner>().RunAsync(request.Log.Id, CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Error);
        await using var db = await host.Get<IDbContextFactory<MonitorDbContext>>().CreateDbContextAsync();
        var log = await db.Runs.SingleAsync(l => l.Id == outcome.LogId);
        Assert.Equal(timeline.Requests - before, log.RequestsMade);
        return (log, log.RequestsMade);
    }
}

public sealed class PostgresByAgeRunTests(PostgresDatabase database) : ByAgeRunTests<PostgresDatabase>(database);

public sealed class SqliteByAgeRunTests(SqliteDatabase database) : ByAgeRunTests<SqliteDatabase>(database);
