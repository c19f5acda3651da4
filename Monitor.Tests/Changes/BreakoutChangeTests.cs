using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Catalog;
using Monitor.Core.Changes;
using Monitor.Core.Notifications.Alerts;
using Monitor.Core.Posts;
using Monitor.Tests.Infrastructure;
using Monitor.Tests.Notifications;

namespace Monitor.Tests.Changes;

/// <summary>
/// A breakout found after a real run (a young post with five times the median its older peers had at the same age)
/// appears in the change feed, on both databases. The clock is a test clock: the peers' early snapshots are a month old.
/// </summary>
public abstract class BreakoutChangeTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeScrapeCreators _upstream = new();
    private readonly FakeTimeProvider _time = new(Start);

    public async Task InitializeAsync()
    {
        await database.MigrateAsync();
        await NotificationTestData.ClearAsync(database);
    }

    public Task DisposeAsync()
    {
        _upstream.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Run_YoungPostBreaksOut_BreakoutInTheFeed()
    {
        var handle = $"breakout_{Guid.NewGuid():N}"[..20];
        var page = new ChangeFeedPage();
        foreach (var (n, views) in new[] { (0, 10_000L), (1, 8_000L), (2, 12_000L) })
        {
            page.Posts.Add(new CraftedPost(FakeFeed.Id(8, n), Start.AddHours(-20)) { Views = views });
        }

        _upstream.ServeProfile(handle, 200, FakeFeed.Profile(handle));
        _upstream.ServeFeed(handle, page.Respond);
        await using var host = new CoreHost(database, _upstream.Settings, s => s.AddSingleton<TimeProvider>(_time));
        await NotificationTestData.CreateAsync(host, NotificationTestData.Webhook("http://127.0.0.1:9/hook", ["breakout"]));
        var profileId = await host.AddProfileAsync(handle, monitoringEnabled: false);
        Assert.True((await host.RunOnceAsync(profileId)).Succeeded);

        _time.Advance(TimeSpan.FromDays(30));
        page.Posts.ForEach(p => p.Views *= 10);
        var young = new CraftedPost(FakeFeed.Id(8, 9), _time.GetUtcNow().AddHours(-22)) { Views = 60_000 };
        page.Posts.Add(young);
        Assert.True((await host.RunOnceAsync(profileId)).Succeeded);
        while (await host.Get<RunEventProcessor>().ProcessPendingAsync(CancellationToken.None) > 0)
        {
        }

        var feed = (await host.Get<ChangeFeedService>().ListAsync(profileId, new ChangeFeedQuery(), CancellationToken.None))!.Items;
        var breakout = Assert.Single(feed);
        Assert.Equal((ChangeKinds.Breakout, young.Id, _time.GetUtcNow().UtcDateTime), (breakout.Kind, breakout.PostAwemeId, breakout.OccurredAt));
        Assert.Equal("Views reached 5x the profile's median at the same age", breakout.Detail);
        var markers = await host.Get<ChangeFeedService>().MarkersAsync(profileId, null, CancellationToken.None);
        Assert.Equal([ChangeKinds.Breakout], markers.Select(m => m.Kind));
    }
}

public sealed class PostgresBreakoutChangeTests(PostgresDatabase database) : BreakoutChangeTests<PostgresDatabase>(database);

public sealed class SqliteBreakoutChangeTests(SqliteDatabase database) : BreakoutChangeTests<SqliteDatabase>(database);
