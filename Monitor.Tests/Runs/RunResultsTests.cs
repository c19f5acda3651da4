using Microsoft.EntityFrameworkCore;
using Monitor.Core.Catalog;
using Monitor.Core.Data;
using Monitor.Core.Dispatch;
using Monitor.Core.LiveEvents;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;
using Monitor.Core.Scheduling;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Runs;

/// <summary>What a run leaves behind: the first run on switching on, totals, history rows, the account's state.</summary>
public abstract class RunResultsTests<TDatabase>
    where TDatabase : TestDatabase, new()
{
    private static readonly Dictionary<string, string?> QueueOnly = new() { ["QUEUE_NAME"] = "none" };

    [Fact]
    public async Task AddProfile_MonitoringOn_FirstRunCompletesWithoutWaitingForTheSweep()
    {
        await using var database = await SchedulingDatabase.CreateAsync<TDatabase>();
        await using var host = await CoreHost.StartAsync(database);
        host.Upstream.ServeFixtureCreator();
        host.Upstream.ServeProfile("quiet", 200, FakeFeed.Profile("quiet"));
        var profiles = host.Get<ProfileService>();

        var added = await profiles.AddAsync(FixtureFiles.FixtureHandle, monitoringEnabled: true, CancellationToken.None);
        var off = await profiles.AddAsync("quiet", monitoringEnabled: false, CancellationToken.None);

        await host.WaitForLogsAsync(logs => logs.Any(l => l.Status == MonitoringStatus.Completed), "the first run to complete");
        var log = Assert.Single(await host.LogsAsync());
        Assert.Equal((added.Profile!.Id, MonitoringTrigger.Scheduled, 8), (log.ProfileId, log.Trigger, log.PostsScraped));
        Assert.Empty(await host.LogsAsync(off.Profile!.Id));
        var profile = await host.ProfileAsync(added.Profile.Id);
        Assert.Equal(8, profile.TotalPosts);
        // After the first run the next one comes at the profile's slot: never later than a day and one sweep.
        Assert.InRange(profile.NextMonitoringRun!.Value, profile.LastMonitoringRun!.Value, profile.LastMonitoringRun.Value.AddHours(25));
    }

    [Fact]
    public async Task FailedRun_PageTwoOfFourBroken_TotalsEqualTheStoredPostsAndTheLogKeepsTheFailure()
    {
        await using var database = await SchedulingDatabase.CreateAsync<TDatabase>();
        await using var host = await CoreHost.StartAsync(database, QueueOnly);
        long views = 100;
        var pageTwoBroken = false;
        var profile = await host.StoreProfileAsync("halfway", feed: cursor =>
        {
            var page = int.Parse(cursor ?? "1", System.Globalization.CultureInfo.InvariantCulture);
            if (page == 2 && pageTwoBroken)
            {
                return (500, """{"success":false,"message":"exploded"}""");
            }

            var posts = Enumerable.Range(0, 3).Select(i => (FakeFeed.Id(6, (page * 10) + i), views + i));
            return (200, FakeFeed.Page(posts, page < 4 ? $"{page + 1}" : null));
        });
        Assert.Equal(MonitoringStatus.Completed, (await RunNowAsync(host, profile)).Status);
        views = 1_000;
        pageTwoBroken = true;

        var failed = await RunNowAsync(host, profile);

        Assert.Equal((MonitoringStatus.Failed, RunFailureReason.UpstreamUnavailable, RetryDecision.Retrying),
            (failed.Status, failed.FailureReason!.Value, failed.Retry!.Value));
        await using var db = database.CreateDbContext();
        var stored = await db.Posts.Where(p => p.ProfileId == profile).ToListAsync();
        var totals = await db.Profiles.SingleAsync(p => p.Id == profile);
        Assert.Equal(12, stored.Count);
        Assert.Equal(
            (stored.Count, stored.Sum(p => p.Metrics.Views ?? 0), stored.Sum(p => p.Metrics.Likes ?? 0), stored.Sum(p => p.Metrics.Shares ?? 0), stored.Sum(p => p.Metrics.Comments ?? 0), stored.Sum(p => p.Metrics.Saves ?? 0)),
            (totals.TotalPosts, totals.Totals.Views, totals.Totals.Likes, totals.Totals.Shares, totals.Totals.Comments, totals.Totals.Saves));
        Assert.Equal((3 * 1_000) + 3 + (9 * 100) + 9, totals.Totals.Views);
        var log = await db.Runs.SingleAsync(l => l.Id == failed.LogId);
        Assert.Equal((MonitoringStatus.Failed, 1), (log.Status, log.PagesScraped));
        Assert.Contains("500", log.Error, StringComparison.Ordinal);
        var failedEvent = Assert.Single(host.Events, e => e.Kind == MonitoringEventKind.Failed);
        Assert.Equal(totals.Totals.Views, failedEvent.Totals!.Metrics.Views);
    }

    [Fact]
    public async Task Run_FeedRepeatsAPostOnALaterPage_OneHistoryRowPerPostForTheRun()
    {
        await using var database = await SchedulingDatabase.CreateAsync<TDatabase>();
        await using var host = await CoreHost.StartAsync(database, QueueOnly);
        var a = FakeFeed.Id(7, 1);
        var b = FakeFeed.Id(7, 2);
        var c = FakeFeed.Id(7, 3);
        var profile = await host.StoreProfileAsync("repeats", feed: cursor => (200, cursor is null
            ? FakeFeed.Page([(a, 1), (b, 2)], "2")
            : FakeFeed.Page([(b, 2), (c, 3)], null)));

        var outcome = await RunNowAsync(host, profile);

        Assert.Equal((MonitoringStatus.Completed, 2, 3), (outcome.Status, outcome.PagesScraped, outcome.PostsScraped));
        await using var db = database.CreateDbContext();
        var history = await db.PostMetricsHistory.Where(h => h.Post!.ProfileId == profile).Select(h => h.Post!.AwemeId).ToListAsync();
        Assert.Equal([a, b, c], history.Order());
        Assert.Equal(6, (await db.Profiles.SingleAsync(p => p.Id == profile)).Totals.Views);
    }

    [Theory]
    [InlineData("private", AccountState.Private, RunFailureReason.AccountPrivate)]
    [InlineData("banned", AccountState.Banned, RunFailureReason.AccountBanned)]
    [InlineData("deleted", AccountState.Missing, RunFailureReason.AccountMissing)]
    public async Task Run_AccountTurnedPrivateBannedOrDeleted_FailsNotRetriedAndPausesMonitoringUntilSwitchedOn(
        string turned, AccountState state, RunFailureReason reason)
    {
        await using var database = await SchedulingDatabase.CreateAsync<TDatabase>();
        await using var host = await CoreHost.StartAsync(database);
        var gone = true;
        var post = FakeFeed.Id(2, 1);
        var profile = await host.StoreProfileAsync("turned", enabled: true, next: DateTime.UtcNow.AddHours(1), feed: _ => !gone
            ? (200, FakeFeed.Page([(post, 5)], null))
            : turned switch
            {
                "private" => (200, FakeFeed.Empty),
                "banned" => (200, """{"success":false,"error":"This account was banned"}"""),
                _ => (404, """{"success":false,"message":"Account doesn't exist"}"""),
            });
        host.Upstream.ServeProfile("turned", 200, FakeFeed.Profile("turned", isPrivate: turned == "private"), priority: 0);
        var schedule = host.Get<MonitoringScheduleService>();
        var settings = host.Get<ProfileSchedule>();

        await schedule.QueueManualRunAsync(profile, CancellationToken.None);
        await host.WaitForLogsAsync(logs => logs.Count == 1 && logs[0].Status == MonitoringStatus.Failed, "the run to fail");
        await CoreHost.WaitUntilAsync(() => Task.FromResult(host.Events.Any(e => e.Kind == MonitoringEventKind.Failed)), "the failed event");

        var log = Assert.Single(await host.LogsAsync());
        Assert.Equal((reason, RetryDecision.NotRetryable), (log.FailureReason!.Value, log.RetryDecision!.Value));
        Assert.Contains("monitoring is paused", log.Error, StringComparison.Ordinal);
        var paused = await host.ProfileAsync(profile);
        Assert.Equal((state, false, (DateTime?)null), (paused.AccountState, paused.MonitoringEnabled, paused.NextMonitoringRun));
        var failed = Assert.Single(host.Events, e => e.Kind == MonitoringEventKind.Failed);
        Assert.Equal((state, reason), (failed.AccountState!.Value, failed.FailureReason!.Value));
        Assert.Equal(0, await host.Get<MonitoringSweep>().RunAsync(CancellationToken.None));

        gone = false;
        var resumed = await settings.ChangeAsync(profile, new(Enabled: true), CancellationToken.None);

        Assert.True(resumed!.Enabled);
        await host.WaitForLogsAsync(logs => logs.Count == 2 && logs[1].Status == MonitoringStatus.Completed, "the resumed run to complete");
        var active = await host.ProfileAsync(profile);
        Assert.Equal((AccountState.Active, true, 1L), (active.AccountState, active.MonitoringEnabled, active.TotalPosts));
    }

    /// <summary>Queues a manual run and delivers it here (the host executes nothing), then reads its last event.</summary>
    private static async Task<MonitoringEvent> RunNowAsync(CoreHost host, Guid profileId)
    {
        var run = await host.Get<MonitoringScheduleService>().QueueManualRunAsync(profileId, CancellationToken.None);
        var outcome = await host.Get<MonitoringRunner>().RunAsync(run!.LogId, CancellationToken.None);
        await CoreHost.WaitUntilAsync(
            () => Task.FromResult(host.Events.Any(e => e.LogId == outcome.LogId && e.Kind is MonitoringEventKind.Completed or MonitoringEventKind.Failed)),
            "the run's last event");
        return host.Events.Last(e => e.LogId == outcome.LogId && e.Kind is MonitoringEventKind.Completed or MonitoringEventKind.Failed);
    }
}

public sealed class PostgresRunResultsTests : RunResultsTests<PostgresDatabase>;

public sealed class SqliteRunResultsTests : RunResultsTests<SqliteDatabase>;
