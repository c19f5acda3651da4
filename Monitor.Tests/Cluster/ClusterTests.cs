using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Monitor.Core.Posts;
using Monitor.Core.Runs;
using Monitor.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Monitor.Tests.Cluster;

/// <summary>
/// Two workers and a web node, each a process of the published app, on one PostgreSQL database: runs queued through
/// the web node's API run exactly once, spread over both workers, one at a time per profile, and a worker killed
/// mid-run loses nothing.
/// </summary>
[Trait("Category", "Process")]
public sealed class ClusterTests(ITestOutputHelper output) : ProcessTests<PostgresDatabase>
{
    [Fact]
    public async Task FiftyRunsQueuedOnWebNode_EachCompletesExactlyOnce_OnBothWorkers_NeverTwoOfOneProfileAtOnce()
    {
        var creators = new SyntheticCreators(pages: 3, postsPerPage: 4);
        Upstream.ServeSyntheticCreators(creators, TimeSpan.FromMilliseconds(20));
        await using var cluster = await ClusterNodes.StartAsync(Database.ConnectionString, Upstream, workers: 2);
        using var api = cluster.WebClient();
        var profiles = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            profiles.Add(await ClusterNodes.AddProfileAsync(api, $"cluster.a{i}"));
        }

        // Update Now on every profile, round after round: a profile whose run is still queued or running answers with
        // that run, so the 50 new runs include runs queued the moment the previous one of their profile ends.
        var queued = new HashSet<long>();
        var watch = Stopwatch.StartNew();
        while (queued.Count < 50)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromMinutes(2), $"Only {queued.Count} runs queued in 2 minutes.\n{cluster.Tails()}");
            foreach (var profile in profiles.TakeWhile(_ => queued.Count < 50))
            {
                var (runId, created) = await ClusterNodes.TriggerAsync(api, profile);
                if (created)
                {
                    Assert.True(queued.Add(runId), $"Log {runId} was reported created twice");
                }
            }

            await Task.Delay(100);
        }

        await RunInvariants.WaitUntilSettledAsync(Database.CreateDbContext, TimeSpan.FromMinutes(2), cluster.Tails);
        watch.Stop();

        await using var db = Database.CreateDbContext();
        var logs = await db.Runs.AsNoTracking().ToListAsync();
        Assert.Equal(queued.Order(), logs.Select(l => l.Id).Order());
        Assert.All(logs, l => Assert.True(l.Status == MonitoringStatus.Completed, $"Run {l.Id} ended {l.Status}: {l.Error}"));
        Assert.All(logs, l => Assert.Equal((creators.Pages, creators.PostsPerCreator), (l.PagesScraped, l.PostsScraped)));

        // Exactly once, seen from the workers: each run completed on one worker, and both took part.
        var byWorker = await ClusterNodes.WaitForCompletedRunsAsync(cluster.Workers, queued);
        var everyCompletion = byWorker.SelectMany(r => r).ToList();
        Assert.Equal(queued.Order(), everyCompletion.Order());
        Assert.All(byWorker, runs => Assert.NotEmpty(runs));

        // Exactly once, seen from the data: one snapshot per post per completed run of its profile.
        var runsPerProfile = logs.GroupBy(l => l.ProfileId).ToDictionary(g => g.Key, g => g.Count());
        var snapshots = await db.Posts.AsNoTracking().Select(p => new { p.ProfileId, Count = p.MetricsHistory.Count }).ToListAsync();
        Assert.Equal(profiles.Count * creators.PostsPerCreator, snapshots.Count);
        Assert.All(snapshots, s => Assert.Equal(runsPerProfile[s.ProfileId], s.Count));
        await RunInvariants.AssertNoOverlapAsync(db);
        await RunInvariants.AssertTotalsMatchPostsAsync(db);
        Report($"cluster: 50 runs of 20 profiles queued on the web node, all completed once in {watch.Elapsed.TotalSeconds:0.0} s; "
            + string.Join(", ", cluster.Workers.Zip(byWorker, (w, r) => $"{w.Name} ran {r.Count}")));
    }

    [Fact]
    public async Task WorkerKilledMidRun_ItsRunIsInterruptedAndCompletedOnTheOtherWorker()
    {
        var creators = new SyntheticCreators(pages: 10, postsPerPage: 3);
        Upstream.ServeSyntheticCreators(creators, TimeSpan.FromMilliseconds(20));
        await using var cluster = await ClusterNodes.StartAsync(Database.ConnectionString, Upstream, workers: 2);
        using var api = cluster.WebClient();
        var profiles = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            profiles.Add(await ClusterNodes.AddProfileAsync(api, $"cluster.b{i}"));
        }

        // The first EF query of this process compiles for seconds on a busy machine: not while a run is to be caught.
        await RunningAsync();
        foreach (var profile in profiles)
        {
            await ClusterNodes.TriggerAsync(api, profile);
        }

        // A run that has written a page and has pages to go, and the worker executing it (the one that logged its claim).
        var (victimLog, victim) = await FindRunInProgressAsync(creators.Pages - 2, cluster);
        var survivor = cluster.Workers.Single(w => w != victim);
        var killedAt = Stopwatch.StartNew();
        await victim.KillAsync();

        var retry = await WaitForNextAttemptAsync(victimLog, TimeSpan.FromSeconds(90), cluster);
        var failover = killedAt.Elapsed;
        await RunInvariants.WaitUntilSettledAsync(Database.CreateDbContext, TimeSpan.FromSeconds(60), cluster.Tails);

        await using var db = Database.CreateDbContext();
        var killed = await db.Runs.AsNoTracking().SingleAsync(l => l.Id == victimLog.Id);
        Assert.Equal(MonitoringStatus.Interrupted, killed.Status);
        Assert.Equal(RunFailureReason.Abandoned, killed.FailureReason);
        Assert.Equal(killed.Attempt + 1, retry.Attempt);
        Assert.Equal(MonitoringStatus.Completed, retry.Status);
        Assert.Contains(retry.Id, await ClusterNodes.WaitForCompletedRunsAsync(survivor, retry.Id));
        foreach (var profile in profiles)
        {
            Assert.True(await db.Runs.AnyAsync(l => l.ProfileId == profile && l.Status == MonitoringStatus.Completed), $"Profile {profile} has no completed run");
        }

        Assert.Equal(profiles.Count * creators.PostsPerCreator, await db.Posts.CountAsync());
        await RunInvariants.AssertNoOverlapAsync(db);
        await RunInvariants.AssertTotalsMatchPostsAsync(db);
        await RunInvariants.AssertPagesWholeAsync(db, creators.PostsPerPage);
        Report($"failover: {victim.Name} killed at page {victimLog.PagesScraped} of run {victimLog.Id}; "
            + $"attempt {retry.Attempt} (run {retry.Id}) started on {survivor.Name} {(retry.StartedAt!.Value - DateTime.UtcNow).Add(failover).TotalSeconds:0.0} s after the kill "
            + $"and completed {failover.TotalSeconds:0.0} s after it");
    }

    private async Task<(MonitoringRun Log, AppProcess Worker)> FindRunInProgressAsync(int pagesBeforeTheEnd, ClusterNodes cluster)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var seen = new List<string>();
        while (DateTime.UtcNow < deadline)
        {
            var running = await RunningAsync();
            seen.Add($"running: {string.Join(", ", running.Select(l => $"{l.Id} page {l.PagesScraped}"))}");
            foreach (var log in running.Where(l => l.PagesScraped >= 1 && l.PagesScraped <= pagesBeforeTheEnd))
            {
                var claimedBy = cluster.Workers.Where(w => ClusterNodes.ClaimedRuns(w).Contains(log.Id)).ToList();
                if (claimedBy.Count == 1)
                {
                    return (log, claimedBy[0]);
                }
            }

            await Task.Delay(50);
        }

        Assert.Fail($"No run was seen in progress on a worker ({string.Join("\n", seen.Distinct().Take(10))}).\n{cluster.Tails()}");
        return default;
    }

    private async Task<List<MonitoringRun>> RunningAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.Runs.AsNoTracking().Where(l => l.Status == MonitoringStatus.Running).ToListAsync();
    }

    private async Task<MonitoringRun> WaitForNextAttemptAsync(MonitoringRun killed, TimeSpan timeout, ClusterNodes cluster)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            await using var db = Database.CreateDbContext();
            var next = await db.Runs.AsNoTracking()
                .Where(l => l.ProfileId == killed.ProfileId && l.Id > killed.Id && l.Status == MonitoringStatus.Completed)
                .OrderBy(l => l.Id).FirstOrDefaultAsync();
            if (next is not null)
            {
                return next;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"The killed run {killed.Id} was not completed by another attempt within {timeout}.\n{cluster.Tails()}");
        return null!;
    }

    private void Report(string figure)
    {
        output.WriteLine(figure);
        Figures.Append(figure);
    }
}
