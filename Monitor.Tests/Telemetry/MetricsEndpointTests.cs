using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Credits;
using Monitor.Core.Dispatch;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Telemetry;

/// <summary>/metrics as Prometheus scrapes it, after a real run against the fake upstream, on both databases.</summary>
public abstract class MetricsEndpointTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private const string ScrapeKey = "prometheus-scrape-key-123";
    private readonly FakeScrapeCreators _upstream = new();
    private MonitorAppFactory? _app;

    public async Task InitializeAsync()
    {
        await database.ClearProfilesAsync();
        var settings = _upstream.Settings;
        settings["Metrics:Prometheus:Enabled"] = "true";
        settings["Metrics:Prometheus:Key"] = ScrapeKey;
        _app = new MonitorAppFactory(database, settings);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _upstream.Dispose();
    }

    [Fact]
    public async Task Metrics_AfterARun_ShowRunsUpstreamRequestsCreditsAndQueue()
    {
        _upstream.ServeFixtureCreator();
        var lifecycle = _app!.Services.GetRequiredService<RunLifecycle>();
        var monitored = await AddProfileAsync(FixtureFiles.FixtureHandle);
        var waiting = await AddProfileAsync("queued.later");
        await lifecycle.QueueAsync(waiting, MonitoringTrigger.Scheduled, 1, DateTime.UtcNow.AddDays(1), CancellationToken.None);

        await _app.Services.GetRequiredService<CreditBudgetService>().SetBudgetAsync(1000, CancellationToken.None);
        var run = await lifecycle.QueueAsync(monitored, MonitoringTrigger.Manual, 1, null, CancellationToken.None);
        // Run here; the app's scheduler may deliver it too, and one of the two claims it.
        await _app.Services.GetRequiredService<MonitoringRunner>().RunAsync(run!.Log.Id, CancellationToken.None);
        await WaitForRunAsync(run.Log.Id);

        var text = await ScrapeUntilAsync(t =>
            Value(t, "monitor_runs_total", "outcome=\"completed\"", "trigger=\"manual\"") >= 1
            && Value(t, "monitor_queue_depth", "state=\"scheduled\"") >= 1);
        Assert.Equal(1, Value(text, "monitor_runs_total", "outcome=\"completed\"", "reason=\"none\"", "trigger=\"manual\""));
        Assert.Equal(1, Value(text, "monitor_run_duration_seconds_count", "outcome=\"completed\""));
        // Two feed pages (5 + 3 posts); the requests the run made are all 2xx.
        Assert.Equal(2, Value(text, "monitor_page_duration_seconds_count"));
        Assert.Equal(2, Value(text, "monitor_upstream_requests_total", "endpoint=\"/v3/tiktok/profile/videos\"", "status_class=\"2xx\""));
        Assert.True(Value(text, "monitor_upstream_duration_seconds_count", "endpoint=\"/v3/tiktok/profile/videos\"") >= 2);
        Assert.Equal(_upstream.ChargeableRequests, Value(text, "monitor_credits_spent_total"));
        Assert.Equal(1, Value(text, "monitor_queue_depth", "state=\"scheduled\""));
        Assert.Equal(0, Value(text, "monitor_queue_depth", "state=\"due\""));
        Assert.Contains("monitor_queue_oldest_pending_age_seconds", text, StringComparison.Ordinal);
        // The gauges read the ledger, which its writer fills a moment after the requests.
        var spent = await ScrapeUntilAsync(t => Value(t, "monitor_credits_month") >= _upstream.ChargeableRequests);
        Assert.Equal(_upstream.ChargeableRequests / 1000.0, Value(spent, "monitor_credits_budget_used"), 6);
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_collections_total", text, StringComparison.Ordinal);
        Assert.DoesNotContain(FixtureFiles.FixtureHandle, text, StringComparison.Ordinal);
        Assert.DoesNotContain(monitored.ToString(), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_WithoutOrWithWrongKey_Returns401()
    {
        using var client = _app!.CreateClient();
        var none = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-key");
        var wrongAnswer = await client.SendAsync(wrong);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongAnswer.StatusCode);
        Assert.DoesNotContain("monitor_", await wrongAnswer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<Guid> AddProfileAsync(string handle)
    {
        await using var db = database.CreateDbContext();
        var profile = new TiktokProfile { Handle = handle, Nickname = handle, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        db.Profiles.Add(profile);
        await db.SaveChangesAsync();
        return profile.Id;
    }

    private async Task WaitForRunAsync(long runId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        MonitoringStatus status;
        while (true)
        {
            await using var db = database.CreateDbContext();
            status = await db.Runs.Where(l => l.Id == runId).Select(l => l.Status).SingleAsync();
            if (status is not (MonitoringStatus.Pending or MonitoringStatus.Running))
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Run {runId} still {status} after 20 s");
            await Task.Delay(50);
        }

        Assert.Equal(MonitoringStatus.Completed, status);
    }

    private async Task<string> ScrapeUntilAsync(Func<string, bool> done)
    {
        using var client = _app!.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ScrapeKey);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = await response.Content.ReadAsStringAsync();
            if (done(text))
            {
                return text;
            }

            Assert.True(DateTime.UtcNow < deadline, $"/metrics did not show the run within 20 s:\n{text}");
            await Task.Delay(200);
        }
    }

    /// <summary>The sum of a metric's samples whose labels include all of <paramref name="labels"/> (0 when none).</summary>
    private static double Value(string text, string metric, params string[] labels) =>
        text.Split('\n')
            .Select(line => Regex.Match(line, $@"^{Regex.Escape(metric)}(\{{(?<labels>[^}}]*)\}})?\s+(?<value>\S+)"))
            .Where(m => m.Success && labels.All(l => m.Groups["labels"].Value.Contains(l, StringComparison.Ordinal)))
            .Sum(m => double.Parse(m.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture));
}

[Collection(MetricsCollection.Name)]
public sealed class PostgresMetricsEndpointTests(PostgresDatabase database) : MetricsEndpointTests<PostgresDatabase>(database);

[Collection(MetricsCollection.Name)]
public sealed class SqliteMetricsEndpointTests(SqliteDatabase database) : MetricsEndpointTests<SqliteDatabase>(database);
