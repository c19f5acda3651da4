using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Audience;
using Monitor.Core.Scraping.Simulation;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Audience;

/// <summary>
/// The demo's promise: profiles monitored daily for a simulated month against the built-in simulator have a follower
/// series from the feed's author counters, gains, and a milestone that is projected when they grow and not when they fall.
/// </summary>
public abstract class SimulatedMonthTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));

    public Task InitializeAsync() => database.MigrateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task MonitoredForAMonth_RisingAndFallingAccounts_ChartGainsAndMilestone()
    {
        var rising = Pick(trend => trend > 0.003);
        var falling = Pick(trend => trend < 0);
        await using var host = new CoreHost(database, new Dictionary<string, string?>
        {
            ["ScrapeCreators:ApiKey"] = "",
            ["ScrapeCreators:SimulatedLatency"] = "00:00:00",
            ["Monitoring:PageDelay"] = "00:00:00",
        }, services => services.AddSingleton<TimeProvider>(_time));
        var risingId = await host.AddProfileAsync(rising, monitoringEnabled: false);
        var fallingId = await host.AddProfileAsync(falling, monitoringEnabled: false);

        for (var day = 0; day < 30; day++)
        {
            _time.Advance(TimeSpan.FromDays(1));
            Assert.True((await host.RunOnceAsync(risingId)).Succeeded);
            Assert.True((await host.RunOnceAsync(fallingId)).Succeeded);
        }

        var queries = host.Get<AccountHistoryQueries>();
        var up = (await queries.SummaryAsync(risingId, CancellationToken.None))!;
        var down = (await queries.SummaryAsync(fallingId, CancellationToken.None))!;
        var history = (await queries.HistoryAsync(risingId, null, null, CancellationToken.None))!;
        var series = await queries.FollowerSeriesAsync([risingId, fallingId], new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1), CancellationToken.None);

        Assert.Equal(31, history.Count);
        Assert.Equal(30, history.Count(h => h.Source == AccountSnapshotSource.FeedAuthor));
        Assert.Equal(SimulatedAccount.For(rising).FollowersAt(_time.GetUtcNow()), up.Latest!.FollowerCount);
        Assert.All(up.Gains, g => Assert.True(g.Gain > 0, $"{g.Days} d gain {g.Gain}"));
        Assert.Equal(MilestoneOutlook.Projected, up.Milestone.Outlook);
        Assert.True(down.Gains.Single(g => g.Days == 30).Gain < 0);
        Assert.Equal(MilestoneOutlook.Falling, down.Milestone.Outlook);
        Assert.StartsWith("Not projected: followers fell", down.Milestone.Explanation, StringComparison.Ordinal);
        Assert.All(series, s => Assert.Equal(31, s.Days.Count));
        Assert.True(series.Single(s => s.ProfileId == risingId).IndexedTo100()[^1].Index > 100);
    }

    private static string Pick(Func<double, bool> trend) =>
        Enumerable.Range(0, 200).Select(i => $"demo.month{i}")
            .First(h => trend(SimulatedAccount.For(h).FollowerTrend) && SimulatedAccount.For(h).PostCount <= 40);
}

public sealed class PostgresSimulatedMonthTests(PostgresDatabase database) : SimulatedMonthTests<PostgresDatabase>(database);

public sealed class SqliteSimulatedMonthTests(SqliteDatabase database) : SimulatedMonthTests<SqliteDatabase>(database);
