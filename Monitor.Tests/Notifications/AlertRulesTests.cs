using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Metrics;
using Monitor.Core.Notifications;
using Monitor.Core.Notifications.Alerts;
using Monitor.Core.Posts;
using Monitor.Core.Posts.History;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Notifications;

/// <summary>Growth, breakout and the daily digest from stored snapshots, on both databases.</summary>
public abstract class AlertRulesTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private static readonly DateTime Now = new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Now));
    private CoreHost _host = default!;

    public async Task InitializeAsync()
    {
        await database.MigrateAsync();
        await NotificationTestData.ClearAsync(database);
        _host = new CoreHost(database, [], s => s.AddSingleton<TimeProvider>(_time));
        await NotificationTestData.CreateAsync(_host, NotificationTestData.Webhook("http://127.0.0.1:9/hook", ["growth", "breakout", "digest"]));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Growth_PostJumps_AlertsOncePerThreshold()
    {
        var profile = await AddProfileAsync("jumper.demo");
        var jumper = await AddPostAsync(profile, "7300000000000000001", Now.AddDays(-30), (Now.AddHours(-6), 20_000), (Now.AddMinutes(-1), 45_000));
        await AddPostAsync(profile, "7300000000000000002", Now.AddDays(-30), (Now.AddHours(-6), 20_000), (Now.AddMinutes(-1), 25_000));

        await CompleteRunAsync(profile);
        await CompleteRunAsync(profile);

        var growth = Assert.Single(await NotificationTestData.DeliveriesAsync(database), d => d.Kind == NotificationKind.Growth);
        Assert.Contains("from 20,000 to 45,000 views (+25,000, +125 %)", growth.Text, StringComparison.Ordinal);
        Assert.Contains("7300000000000000001", growth.Text, StringComparison.Ordinal);
        await using (var db = database.CreateDbContext())
        {
            Assert.Equal("50%+10000", (await db.PostAlerts.SingleAsync(a => a.PostId == jumper)).Threshold);
        }

        await _host.Get<ProfileThresholdService>().SetAsync(profile, new ProfileThresholdsInput(100, 20_000, null), CancellationToken.None);
        await CompleteRunAsync(profile);
        Assert.Equal(2, (await NotificationTestData.DeliveriesAsync(database)).Count(d => d.Kind == NotificationKind.Growth));
    }

    [Fact]
    public async Task Breakout_YoungPostWithFiveTimesTheMedianAtItsAge_Alerts_AndAnOrdinaryOneDoesNot()
    {
        var profile = await AddProfileAsync("breakout.demo");
        foreach (var (n, views) in new[] { (1, 8_000L), (2, 10_000L), (3, 12_000L) })
        {
            var posted = Now.AddDays(-30 - n);
            await AddPostAsync(profile, $"73000000000000001{n}", posted, (posted.AddHours(20), views), (posted.AddDays(20), views * 10));
        }

        await AddPostAsync(profile, "7300000000000000200", Now.AddHours(-22), (Now.AddMinutes(-1), 50_000));
        await AddPostAsync(profile, "7300000000000000300", Now.AddHours(-23), (Now.AddMinutes(-1), 49_000));

        await CompleteRunAsync(profile);

        var breakout = Assert.Single(await NotificationTestData.DeliveriesAsync(database), d => d.Kind == NotificationKind.Breakout);
        Assert.Contains("7300000000000000200", breakout.Text, StringComparison.Ordinal);
        Assert.Contains("5× the profile's median (10,000)", breakout.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Digest_AfterTheDigestHour_IsQueuedOnceForYesterday()
    {
        var profile = await AddProfileAsync("digest.demo");
        await AddTotalsAsync(profile, Now.AddDays(-1), 1_000);
        await AddTotalsAsync(profile, Now, 4_500);
        var digest = _host.Get<DailyDigest>();
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 21, 7, 0, 0, TimeSpan.Zero));

        var early = await digest.SendIfDueAsync(CancellationToken.None);
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero));
        var sent = await digest.SendIfDueAsync(CancellationToken.None);
        var again = await digest.SendIfDueAsync(CancellationToken.None);

        Assert.Null(early);
        Assert.Equal(new DateOnly(2026, 11, 20), sent);
        Assert.Null(again);
        var delivery = Assert.Single(await NotificationTestData.DeliveriesAsync(database), d => d.Kind == NotificationKind.Digest);
        Assert.Equal("Daily digest 2026-11-20", delivery.Subject);
        Assert.Contains("@digest.demo: +3,500 views", delivery.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneBatch_OutcomesOfTwoProfiles_StreaksFollowTheirOrder_AndEachEventIsHandledOnce()
    {
        await NotificationTestData.CreateAsync(_host, NotificationTestData.Webhook("http://127.0.0.1:9/failures", ["runFailed", "recovered"]));
        var flaky = await AddProfileAsync("flaky.demo");
        var steady = await AddProfileAsync("steady.demo");
        // Queued together, handled in one pass: flaky fails (alert at the first failure by default), fails, recovers.
        await AddOutcomeAsync(flaky, succeeded: false);
        await AddOutcomeAsync(steady, succeeded: true);
        await AddOutcomeAsync(flaky, succeeded: false);
        await AddOutcomeAsync(flaky, succeeded: true);

        var processor = _host.Get<RunEventProcessor>();
        var handled = await Task.WhenAll(processor.ProcessPendingAsync(CancellationToken.None), processor.ProcessPendingAsync(CancellationToken.None));
        var again = await processor.ProcessPendingAsync(CancellationToken.None);

        Assert.Equal(4, handled.Sum());
        Assert.Equal(0, again);
        var alerts = (await NotificationTestData.DeliveriesAsync(database)).Where(d => d.Kind is NotificationKind.RunFailed or NotificationKind.Recovered)
            .OrderBy(d => d.Id).ToList();
        Assert.Equal([NotificationKind.RunFailed, NotificationKind.Recovered], alerts.Select(d => d.Kind));
        Assert.All(alerts, d => Assert.Contains("flaky.demo", d.Text, StringComparison.Ordinal));
        await using var db = database.CreateDbContext();
        var states = await db.ProfileAlertStates.AsNoTracking().ToDictionaryAsync(s => s.ProfileId);
        Assert.Equal((0, false), (states[flaky].ConsecutiveFailures, states[flaky].FailureAlerted));
        Assert.Equal((0, false), (states[steady].ConsecutiveFailures, states[steady].FailureAlerted));
        Assert.Equal(4, await db.RunNotificationEvents.CountAsync(e => e.ProcessedAt != null));
    }

    /// <summary>What a run's close leaves: its log (started 5 minutes ago) and the outbox row.</summary>
    private async Task AddOutcomeAsync(Guid profileId, bool succeeded)
    {
        await using var db = database.CreateDbContext();
        var log = new MonitoringRun
        {
            ProfileId = profileId,
            Status = succeeded ? MonitoringStatus.Completed : MonitoringStatus.Failed,
            Trigger = MonitoringTrigger.Manual,
            Attempt = 1,
            CreatedAt = Now.AddMinutes(-5),
            ScheduledFor = Now.AddMinutes(-5),
            StartedAt = Now.AddMinutes(-5),
            CompletedAt = Now,
        };
        db.Runs.Add(log);
        await db.SaveChangesAsync();
        db.RunNotificationEvents.Add(succeeded
            ? new RunNotificationEvent { ProfileId = profileId, LogId = log.Id, Succeeded = true, OccurredAt = Now }
            : RunOutcomeNotifications.FinallyFailed(profileId, log.Id, Now, "The upstream answered 500."));
        await db.SaveChangesAsync();
    }

    private async Task<Guid> AddProfileAsync(string handle)
    {
        await using var db = database.CreateDbContext();
        var profile = new TiktokProfile { Handle = handle, CreatedAt = Now.AddDays(-60), UpdatedAt = Now };
        db.Profiles.Add(profile);
        await db.SaveChangesAsync();
        return profile.Id;
    }

    private async Task<long> AddPostAsync(Guid profileId, string awemeId, DateTime postedAt, params (DateTime At, long Views)[] snapshots)
    {
        await using var db = database.CreateDbContext();
        var post = new TiktokPost
        {
            ProfileId = profileId,
            AwemeId = awemeId,
            PostedAt = postedAt,
            ShareUrl = $"https://www.tiktok.com/@x/video/{awemeId}",
            Metrics = new PostMetrics(snapshots[^1].Views, 0, 0, 0, 0),
            FirstSeenAt = snapshots[0].At,
            LastSeenAt = snapshots[^1].At,
        };
        db.Posts.Add(post);
        await db.SaveChangesAsync();
        await PostHistoryWriter.RecordAsync(db, snapshots.Select(s => new TikTokPostMetricsHistory { Post = post, Metrics = new PostMetrics(s.Views, 0, 0, 0, 0), RecordedAt = s.At }));
        return post.Id;
    }

    private async Task AddTotalsAsync(Guid profileId, DateTime at, long views)
    {
        await using var db = database.CreateDbContext();
        db.ProfileMetricsHistory.Add(new ProfileMetricsHistory { ProfileId = profileId, TotalPosts = 3, Totals = new PostMetrics(views, 10, 1, 2, 3), RecordedAt = at });
        await db.SaveChangesAsync();
    }

    /// <summary>What a completed run leaves: its log (started 5 minutes ago) and the outbox row; then the dispatcher's rules.</summary>
    private async Task CompleteRunAsync(Guid profileId)
    {
        await AddOutcomeAsync(profileId, succeeded: true);
        await _host.Get<RunEventProcessor>().ProcessPendingAsync(CancellationToken.None);
    }
}

public sealed class SqliteAlertRulesTests(SqliteDatabase database) : AlertRulesTests<SqliteDatabase>(database);

public sealed class PostgresAlertRulesTests(PostgresDatabase database) : AlertRulesTests<PostgresDatabase>(database);
