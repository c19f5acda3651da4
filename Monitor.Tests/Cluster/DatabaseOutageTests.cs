using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Data;
using Monitor.Core.Posts;
using Monitor.Core.Runs;
using Monitor.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Monitor.Tests.Cluster;

/// <summary>
/// PostgreSQL restarted in the middle of a run, on a cluster of the test's own: the run ends cleanly (failed or
/// interrupted, never left running) and is retried to completion, <c>/health</c> says 503 while the database is down
/// and 200 again after, and the app reconnects without a restart, logging the outage once.
/// </summary>
[Trait("Category", "Process")]
public sealed class DatabaseOutageTests(ITestOutputHelper output) : IDisposable
{
    private readonly FakeScrapeCreators _upstream = new();

    public void Dispose() => _upstream.Dispose();

    [Fact]
    public async Task PostgresRestartedMidRun_RunRetriedToCompletion_HealthReportsOutage_AppReconnects()
    {
        var creators = new SyntheticCreators(pages: 10, postsPerPage: 4);
        _upstream.ServeSyntheticCreators(creators, TimeSpan.FromMilliseconds(20));
        await using var postgres = await ThrowawayPostgres.StartAsync();
        var settings = ClusterNodes.NodeSettings(postgres.ConnectionString, _upstream, "outage", "all");
        settings["Monitoring:PageDelay"] = "00:00:00.300";
        settings["Monitoring:StaleRunAfter"] = "00:00:08";
        settings["Monitoring:ReaperPeriod"] = "00:00:01";
        await using var app = await AppProcess.StartAsync("app", settings);
        await app.WaitForHealthyAsync();
        await using var services = DataServices(postgres.ConnectionString);
        var contexts = services.GetRequiredService<IDbContextFactory<MonitorDbContext>>();
        using var api = new HttpClient { BaseAddress = app.BaseAddress };
        api.DefaultRequestHeaders.Add("X-Api-Key", ClusterNodes.ApiKey);
        var profile = await ClusterNodes.AddProfileAsync(api, "outage.run");
        await PagesAsync(contexts, 0);

        var (runId, _) = await ClusterNodes.TriggerAsync(api, profile);
        await WaitAsync(async () => await PagesAsync(contexts, runId) >= 2, "the run's second page", app);
        NpgsqlPools.Clear();
        var outage = Stopwatch.StartNew();
        await postgres.StopAsync();
        await WaitAsync(async () => await app.HealthAsync() == HttpStatusCode.ServiceUnavailable, "/health answering 503", app);
        var unhealthyAfter = outage.Elapsed;
        // Down until the run has met the outage: its next page write fails (and so does the write of its failure).
        await app.WaitForOutputAsync(l => l.Contains($"Run {runId} for @outage.run failed", StringComparison.Ordinal), "the run failing on the outage");
        await postgres.StartAgainAsync();
        var down = outage.Elapsed;
        await WaitAsync(async () => await app.HealthAsync() == HttpStatusCode.OK, "/health answering 200 again", app);
        var healthyAfter = outage.Elapsed - down;
        await RunInvariants.WaitUntilSettledAsync(() => contexts.CreateDbContext(), TimeSpan.FromSeconds(90), () => app.Tail());
        var settledAfter = outage.Elapsed - down;

        Assert.False(app.HasExited, "The app exited during the outage");
        await using var db = await contexts.CreateDbContextAsync();
        var logs = await db.Runs.AsNoTracking().Where(l => l.ProfileId == profile).OrderBy(l => l.Id).ToListAsync();
        Assert.Equal(runId, logs[0].Id);
        Assert.True(logs[0].Status is MonitoringStatus.Failed or MonitoringStatus.Interrupted, $"Run {runId} ended {logs[0].Status}\n{app.Tail(80)}");
        Assert.Equal(MonitoringStatus.Completed, logs[^1].Status);
        Assert.Equal(creators.Pages, logs[^1].PagesScraped);
        Assert.Equal(creators.PostsPerCreator, await db.Posts.CountAsync());
        await RunInvariants.AssertPagesWholeAsync(db, creators.PostsPerPage);
        await RunInvariants.AssertTotalsMatchPostsAsync(db);
        await RunInvariants.AssertNoOverlapAsync(db);
        // The live-event listener reconnected by itself and said so once, not once per attempt.
        var listener = await app.WaitForOutputAsync(l => l.Contains("Live events from other nodes resumed", StringComparison.Ordinal), "the event listener's reconnection");
        Assert.Single(app.Output, l => l.Contains("Live events from other nodes paused", StringComparison.Ordinal));
        var figure = $"postgres restart: down {down.TotalSeconds:0.0} s (/health 503 after {unhealthyAfter.TotalSeconds:0.0} s); /health 200 {healthyAfter.TotalSeconds:0.0} s after the start; "
            + $"run {runId} ended {logs[0].Status} ({logs[0].FailureReason}), attempt {logs[^1].Attempt} completed, no run open {settledAfter.TotalSeconds:0.0} s after the start; "
            + $"{logs.Count} attempts; posts {creators.PostsPerCreator}/{creators.PostsPerCreator}; listener: {listener[(listener.IndexOf("Live", StringComparison.Ordinal))..]}";
        output.WriteLine(figure);
        Figures.Append(figure);
    }

    private static ServiceProvider DataServices(string connectionString) =>
        new ServiceCollection().AddLogging().AddMonitorData(DatabaseSettings.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Monitor"] = connectionString }).Build()))
            .BuildServiceProvider();

    private static async Task<int> PagesAsync(IDbContextFactory<MonitorDbContext> contexts, long runId)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Runs.Where(l => l.Id == runId).Select(l => l.PagesScraped).FirstOrDefaultAsync();
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, string what, AppProcess app)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"Never saw {what}.\n{app.Tail()}");
    }

    private static class NpgsqlPools
    {
        /// <summary>The test's own pooled connections would only fail once after the restart; drop them now.</summary>
        public static void Clear() => Npgsql.NpgsqlConnection.ClearAllPools();
    }
}
