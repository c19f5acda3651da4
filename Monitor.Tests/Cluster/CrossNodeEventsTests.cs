using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.LiveEvents;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Cluster;

/// <summary>
/// A web node (the app in this process, <c>QUEUE_NAME=none</c>) hears the run a worker process executes: started,
/// each page and completed reach its hub through PostgreSQL, with the run's view, as its pages would see them.
/// </summary>
[Trait("Category", "Process")]
public sealed class CrossNodeEventsTests : ProcessTests<PostgresDatabase>
{
    [Fact]
    public async Task RunOnWorker_WebNodeSubscriber_ReceivesStartedEveryPageAndCompletedWithTotals()
    {
        var creators = new SyntheticCreators(pages: 4, postsPerPage: 3);
        Upstream.ServeSyntheticCreators(creators, TimeSpan.FromMilliseconds(20));
        var scheduler = $"events-{Guid.NewGuid():N}";
        var web = ClusterNodes.NodeSettings(Database.ConnectionString, Upstream, scheduler, "none");
        await using var app = new MonitorAppFactory(Database, web);
        using var api = app.CreateClient();
        api.DefaultRequestHeaders.Add("X-Api-Key", ClusterNodes.ApiKey);
        var received = new ConcurrentQueue<MonitoringEvent>();
        var completed = new TaskCompletionSource<MonitoringEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = app.Services.GetRequiredService<MonitoringEventHub>().Subscribe(e =>
        {
            received.Enqueue(e);
            if (e.Kind is MonitoringEventKind.Completed or MonitoringEventKind.Failed)
            {
                completed.TrySetResult(e);
            }

            return Task.CompletedTask;
        });
        await using var worker = await AppProcess.StartAsync("worker", ClusterNodes.NodeSettings(Database.ConnectionString, Upstream, scheduler, "profile-monitor"));
        await worker.WaitForHealthyAsync();
        var profile = await ClusterNodes.AddProfileAsync(api, "cross.node");

        var (runId, _) = await ClusterNodes.TriggerAsync(api, profile);
        var end = await completed.Task.WaitAsync(TimeSpan.FromSeconds(60));

        var run = received.Where(e => e.LogId == runId).ToList();
        Assert.True(end.Kind == MonitoringEventKind.Completed, $"The run ended {end.Kind}: {end.Error}\n{worker.Tail()}");
        Assert.Contains(runId, await ClusterNodes.WaitForCompletedRunsAsync(worker, runId));
        Assert.Equal(MonitoringEventKind.Queued, run[0].Kind);
        var started = Assert.Single(run, e => e.Kind == MonitoringEventKind.Started);
        Assert.Equal(MonitoringStatus.Running, started.Status);
        var pages = run.Where(e => e.Kind == MonitoringEventKind.PageCompleted).ToList();
        Assert.Equal(Enumerable.Range(1, creators.Pages), pages.Select(e => e.PagesScraped));
        Assert.Equal(creators.PostsPerCreator, pages[^1].PostsScraped);
        Assert.Equal(MonitoringEventKind.Completed, run[^1].Kind);
        Assert.Equal(MonitoringStatus.Completed, end.Status);
        await using var db = Database.CreateDbContext();
        var stored = await db.Profiles.AsNoTracking().SingleAsync(p => p.Id == profile);
        Assert.Equal(new ProfileTotals(stored.TotalPosts, stored.Totals), end.Totals);
        Assert.Equal(creators.PostsPerCreator, end.Totals!.Posts);
    }
}
