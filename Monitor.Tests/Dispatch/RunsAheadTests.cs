using Monitor.Core.Data;
using Monitor.Core.Dispatch;
using Monitor.Core.Runs;
using Monitor.Core.Scheduling;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Dispatch;

/// <summary>
/// <c>Monitoring:RunsAhead</c>: more runs start than <c>Monitoring:Concurrency</c>, while the upstream never sees more
/// than Concurrency page requests at once (<see cref="UpstreamSlots"/>).
/// </summary>
public abstract class RunsAheadTests<TDatabase>
    where TDatabase : TestDatabase, new()
{
    [Fact]
    public async Task RunsAhead_MoreRunsStartThanTheConcurrency_ButPageRequestsStayWithinIt()
    {
        await using var database = await SchedulingDatabase.CreateAsync<TDatabase>();
        await using var host = await CoreHost.StartAsync(database, new()
        {
            ["Monitoring:Concurrency"] = "2",
            ["Monitoring:RunsAhead"] = "2",
        });
        var inFlight = 0;
        var maxInFlight = 0;
        var profiles = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            var n = i;
            profiles.Add(await host.StoreProfileAsync($"ahead{i}", feed: cursor =>
            {
                var now = Interlocked.Increment(ref inFlight);
                InterlockedMax(ref maxInFlight, now);
                Thread.Sleep(100);
                Interlocked.Decrement(ref inFlight);
                var page = cursor is null ? 0 : int.Parse(cursor, System.Globalization.CultureInfo.InvariantCulture);
                return (200, FakeFeed.Page([(FakeFeed.Id(7, (n * 10) + page), 10L)], page < 2 ? $"{page + 1}" : null));
            }));
        }

        await host.Get<MonitoringScheduleService>().QueueManualRunsAsync(profiles, CancellationToken.None);
        await host.WaitForLogsAsync(logs => logs.Count == 6 && logs.All(l => l.Status == MonitoringStatus.Completed), "six completed runs", seconds: 60);

        var logs = await host.LogsAsync();
        Assert.All(logs, l => Assert.Equal(3, l.PagesScraped));
        Assert.InRange(maxInFlight, 1, 2);
        // Runs beyond the concurrency did start (their claims and closes overlap other runs' pages).
        Assert.InRange(CoreHost.MaxOverlap(logs), 3, 4);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}

public sealed class PostgresRunsAheadTests : RunsAheadTests<PostgresDatabase>;

public sealed class SqliteRunsAheadTests : RunsAheadTests<SqliteDatabase>;
