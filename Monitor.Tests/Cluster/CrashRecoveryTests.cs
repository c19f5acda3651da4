using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Monitor.Core.Posts;
using Monitor.Core.Runs;
using Monitor.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Monitor.Tests.Cluster;

/// <summary>
/// <c>kill -9</c> of the one process mid-run, then a restart: the run is interrupted, retried and completed, every page
/// it wrote is whole and the totals equal the sums over the stored posts. Written once, run on both databases.
/// </summary>
[Trait("Category", "Process")]
public abstract class CrashRecoveryTests<TDatabase>(ITestOutputHelper output) : ProcessTests<TDatabase>
    where TDatabase : TestDatabase, new()
{
    [Fact]
    public async Task KilledMidRun_Restarted_RunIsInterruptedRetriedAndCompleted_PagesWhole_TotalsRight()
    {
        var creators = new SyntheticCreators(pages: 8, postsPerPage: 4);
        Upstream.ServeSyntheticCreators(creators, TimeSpan.FromMilliseconds(20));
        var settings = ClusterNodes.NodeSettings("", Upstream, $"crash-{Guid.NewGuid():N}", "all");
        foreach (var (key, value) in Database.Configuration)
        {
            settings[key] = value;
        }

        settings["Monitoring:PageDelay"] = "00:00:00.300";
        await using var first = await AppProcess.StartAsync("app", settings);
        await first.WaitForHealthyAsync();
        var client = new HttpClient { BaseAddress = first.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", ClusterNodes.ApiKey);
        var profile = await ClusterNodes.AddProfileAsync(client, "crash.single");
        await WrittenPagesAsync(0);

        var (runId, _) = await ClusterNodes.TriggerAsync(client, profile);
        var pagesAtKill = await WaitForPagesAsync(runId, 2, first);
        await first.KillAsync();
        client.Dispose();
        var restartedAt = Stopwatch.StartNew();
        await using var second = await AppProcess.StartAsync("restarted", settings);
        await second.WaitForHealthyAsync();
        await RunInvariants.WaitUntilSettledAsync(Database.CreateDbContext, TimeSpan.FromSeconds(90), () => second.Tail());
        var recovered = restartedAt.Elapsed;

        await using var db = Database.CreateDbContext();
        var logs = await db.Runs.AsNoTracking().Where(l => l.ProfileId == profile).OrderBy(l => l.Id).ToListAsync();
        var killed = logs[0];
        Assert.Equal(runId, killed.Id);
        Assert.Equal(MonitoringStatus.Interrupted, killed.Status);
        Assert.Equal(RunFailureReason.Abandoned, killed.FailureReason);
        Assert.Equal(RetryDecision.Retrying, killed.RetryDecision);
        var retry = Assert.Single(logs.Skip(1));
        Assert.Equal((MonitoringStatus.Completed, 2, creators.Pages), (retry.Status, retry.Attempt, retry.PagesScraped));
        Assert.Contains(retry.Id, await ClusterNodes.WaitForCompletedRunsAsync(second, retry.Id));
        Assert.Equal(creators.PostsPerCreator, await db.Posts.CountAsync());
        await RunInvariants.AssertPagesWholeAsync(db, creators.PostsPerPage);
        await RunInvariants.AssertTotalsMatchPostsAsync(db);
        await RunInvariants.AssertNoOverlapAsync(db);
        var figure = $"crash on {Database.Provider}: killed after {pagesAtKill} written pages; restarted process completed attempt 2 {recovered.TotalSeconds:0.0} s after the restart; posts {creators.PostsPerCreator}/{creators.PostsPerCreator}";
        output.WriteLine(figure);
        Figures.Append(figure);
    }

    /// <summary>Waits until the run has written at least <paramref name="pages"/> pages (and has more to go).</summary>
    private async Task<int> WaitForPagesAsync(long runId, int pages, AppProcess app)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var written = await WrittenPagesAsync(runId);
            if (written >= pages)
            {
                return written;
            }

            await Task.Delay(20);
        }

        Assert.Fail($"Run {runId} never wrote {pages} pages.\n{app.Tail()}");
        return 0;
    }

    private async Task<int> WrittenPagesAsync(long runId)
    {
        await using var db = Database.CreateDbContext();
        return await db.Runs.Where(l => l.Id == runId).Select(l => l.PagesScraped).FirstOrDefaultAsync();
    }
}

public sealed class PostgresCrashRecoveryTests(ITestOutputHelper output) : CrashRecoveryTests<PostgresDatabase>(output);

public sealed class SqliteCrashRecoveryTests(ITestOutputHelper output) : CrashRecoveryTests<SqliteDatabase>(output);
