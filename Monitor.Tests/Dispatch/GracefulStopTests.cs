using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Dispatch;
using Monitor.Core.LiveEvents;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;
using Monitor.Core.Scheduling;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Dispatch;

public abstract class GracefulStopTests<TDatabase>
    where TDatabase : TestDatabase, new()
{
    [Fact]
    public async Task Stop_RunMidPage_FinishesThePageMarksItInterruptedAndQueuesTheNextAttempt()
    {
        await using var database = await SchedulingDatabase.CreateAsync<TDatabase>();
        using var upstream = new FakeScrapeCreators();
        using var pageMayAnswer = new ManualResetEventSlim();
        using var pageRequested = new ManualResetEventSlim();
        Guid profile;
        long runId;
        var laterPages = 0;
        CoreHost host;
        await using (host = await CoreHost.StartAsync(database, upstream: upstream))
        {
            profile = await host.StoreProfileAsync("deploying", feed: cursor =>
            {
                pageRequested.Set();
                pageMayAnswer.Wait(TimeSpan.FromSeconds(30));
                if (cursor is not null)
                {
                    Interlocked.Increment(ref laterPages);
                }

                return (200, cursor is null
                    ? FakeFeed.Page([(FakeFeed.Id(1, 1), 10), (FakeFeed.Id(1, 2), 20)], "2")
                    : FakeFeed.Page([(FakeFeed.Id(1, 3), 30)], null));
            });
            runId = (await host.Get<MonitoringScheduleService>().QueueManualRunAsync(profile, CancellationToken.None))!.LogId;
            await host.WaitForLogsAsync(logs => logs.Single().Status == MonitoringStatus.Running, "the run to start");
            Assert.True(pageRequested.Wait(TimeSpan.FromSeconds(20)), "the run asked for its first page");

            var started = DateTime.UtcNow;
            var stopping = host.StopAsync();
            await CoreHost.WaitUntilAsync(() => Task.FromResult(host.Get<RunShutdown>().Stopping.IsCancellationRequested), "SIGTERM to reach the runs");
            pageMayAnswer.Set();
            await stopping;

            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10), "the stop waited for the page, not for the shutdown timeout");
            Assert.Equal(0, laterPages);
        }

        await using var db = database.CreateDbContext();
        var logs = await db.Runs.AsNoTracking().OrderBy(l => l.Id).ToListAsync();
        Assert.Equal(2, logs.Count);
        Assert.Equal((runId, MonitoringStatus.Interrupted, RunFailureReason.Shutdown, RetryDecision.Retrying, 1, 2),
            (logs[0].Id, logs[0].Status, logs[0].FailureReason!.Value, logs[0].RetryDecision!.Value, logs[0].PagesScraped, logs[0].PostsScraped));
        Assert.Equal((MonitoringStatus.Pending, 2, MonitoringTrigger.Manual), (logs[1].Status, logs[1].Attempt, logs[1].Trigger));
        Assert.Equal(2, await db.Posts.CountAsync(p => p.ProfileId == profile));
        Assert.Equal(30, (await db.Profiles.SingleAsync(p => p.Id == profile)).Totals.Views);
        var interrupted = Assert.Single(host.Events, e => e.Kind == MonitoringEventKind.Interrupted);
        Assert.Equal((MonitoringStatus.Interrupted, 30L), (interrupted.Status, interrupted.Totals!.Metrics.Views));
        // The next attempt waits in its row for any worker: the next one to start runs it.
        await using var next = await CoreHost.StartAsync(database, upstream: upstream);
        await next.WaitForLogsAsync(all => all.Count == 2 && all[1].Status == MonitoringStatus.Completed, "the next worker to run the next attempt");
    }
}

public sealed class PostgresGracefulStopTests : GracefulStopTests<PostgresDatabase>;

public sealed class SqliteGracefulStopTests : GracefulStopTests<SqliteDatabase>;
