using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Monitor.Tests.Infrastructure;

/// <summary>
/// The README's deployment as processes of the published app on one PostgreSQL database: a web node
/// (<c>QUEUE_NAME=none</c>) that serves the API and queues runs, and workers (<c>QUEUE_NAME=profile-monitor</c>)
/// that execute them, all against the fake upstream.
/// </summary>
public sealed partial class ClusterNodes : IAsyncDisposable
{
    public const string ApiKey = "cluster-test-api-key-0001";

    private readonly List<AppProcess> _workers = [];
    private readonly Func<string, string, Dictionary<string, string?>> _settings;

    private ClusterNodes(AppProcess web, Func<string, string, Dictionary<string, string?>> settings)
    {
        Web = web;
        _settings = settings;
    }

    public AppProcess Web { get; }

    public IReadOnlyList<AppProcess> Workers => _workers;

    /// <summary>Settings every node shares: the database, the fake upstream, one scheduler name, pages 0.2 s apart.</summary>
    public static Dictionary<string, string?> NodeSettings(string connectionString, FakeScrapeCreators upstream, string schedulerName, string role)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        var settings = upstream.Settings;
        settings["ConnectionStrings:Monitor"] = connectionString;
        settings["QUEUE_NAME"] = role;
        settings["MONITOR_API_KEY"] = ApiKey;
        // Every node creates the admin at start, as a deployment sharing one environment does.
        settings["MONITOR_ADMIN_USER"] = LiveAppFixture.AdminUser;
        settings["MONITOR_ADMIN_PASSWORD"] = LiveAppFixture.AdminPassword;
        settings["Quartz:SchedulerName"] = schedulerName;
        settings["Monitoring:PageDelay"] = "00:00:00.200";
        settings["Monitoring:Concurrency"] = "3";
        settings["Monitoring:RetryBaseDelay"] = "00:00:01";
        // A killed worker's run is found by its stale heartbeat: seconds here, minutes by default.
        settings["Monitoring:StaleRunAfter"] = "00:00:08";
        settings["Monitoring:ReaperPeriod"] = "00:00:01";
        // No sweep during a test: every run is one the test queued.
        settings["Monitoring:SweepCron"] = "0 0 0 1 1 ? 2099";
        settings["Logging:LogLevel:Monitor.Core.LiveEvents"] = "Debug";
        return settings;
    }

    /// <summary>Starts the web node (it applies the migrations), then the workers side by side, and waits until all are healthy.</summary>
    public static async Task<ClusterNodes> StartAsync(string connectionString, FakeScrapeCreators upstream, int workers, Action<Dictionary<string, string?>>? adjust = null)
    {
        var schedulerName = $"cluster-{Guid.NewGuid():N}";
        Dictionary<string, string?> Settings(string role, string name)
        {
            var settings = NodeSettings(connectionString, upstream, schedulerName, role);
            adjust?.Invoke(settings);
            return settings;
        }

        var web = await AppProcess.StartAsync("web", Settings("none", "web"));
        var nodes = new ClusterNodes(web, Settings);
        try
        {
            await web.WaitForHealthyAsync();
            for (var i = 1; i <= workers; i++)
            {
                await nodes.StartWorkerAsync($"worker{i}", waitHealthy: false);
            }

            await Task.WhenAll(nodes._workers.Select(w => w.WaitForHealthyAsync()));
            return nodes;
        }
        catch
        {
            await nodes.DisposeAsync();
            throw;
        }
    }

    public async Task<AppProcess> StartWorkerAsync(string name, bool waitHealthy = true)
    {
        var worker = await AppProcess.StartAsync(name, _settings("profile-monitor", name));
        _workers.Add(worker);
        if (waitHealthy)
        {
            await worker.WaitForHealthyAsync();
        }

        return worker;
    }

    public HttpClient WebClient()
    {
        var client = new HttpClient { BaseAddress = Web.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    public static async Task<Guid> AddProfileAsync(HttpClient api, string handle)
    {
        ArgumentNullException.ThrowIfNull(api);
        using var response = await api.PostAsJsonAsync("/api/tiktok/profiles", new { handle, monitoringEnabled = false });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Adding @{handle}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>Update Now through the API; returns the run's log id and whether this call created it.</summary>
    public static async Task<(long LogId, bool Created)> TriggerAsync(HttpClient api, Guid profileId)
    {
        ArgumentNullException.ThrowIfNull(api);
        using var response = await api.PostAsync($"/api/tiktok/profiles/{profileId}/monitoring/trigger", null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Trigger {profileId}: {(int)response.StatusCode} {body}");
        var json = JsonDocument.Parse(body).RootElement;
        return (json.GetProperty("logId").GetInt64(), json.GetProperty("created").GetBoolean());
    }

    /// <summary>
    /// The runs a node says it completed, from its log lines, as read so far. A run's line is logged after its row is
    /// closed (and its event sent) and reaches this process later still: after seeing the row or the event, use
    /// <see cref="WaitForCompletedRunsAsync(IReadOnlyList{AppProcess}, IEnumerable{long}, TimeSpan?)"/>.
    /// </summary>
    public static IReadOnlySet<long> CompletedRuns(AppProcess node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Output.Select(line => CompletedLine().Match(line)).Where(m => m.Success)
            .Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
    }

    /// <summary>
    /// Waits, up to a deadline, until the nodes between them have logged the completion of every run of
    /// <paramref name="logIds"/>; returns each node's completed runs as then read, for the test to assert on (a run
    /// never logged fails there, with the test's own message).
    /// </summary>
    public static async Task<IReadOnlyList<IReadOnlySet<long>>> WaitForCompletedRunsAsync(
        IReadOnlyList<AppProcess> nodes, IEnumerable<long> logIds, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var wanted = logIds.ToHashSet();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var byNode = nodes.Select(CompletedRuns).ToList();
            if (wanted.IsSubsetOf(byNode.SelectMany(runs => runs)) || DateTime.UtcNow >= deadline)
            {
                return byNode;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>As <see cref="WaitForCompletedRunsAsync(IReadOnlyList{AppProcess}, IEnumerable{long}, TimeSpan?)"/> for one node.</summary>
    public static async Task<IReadOnlySet<long>> WaitForCompletedRunsAsync(AppProcess node, params long[] logIds) =>
        (await WaitForCompletedRunsAsync([node], logIds))[0];

    /// <summary>Waits, up to a deadline, until the node has logged the completion of some run; returns its completed runs.</summary>
    public static async Task<IReadOnlySet<long>> WaitForACompletedRunAsync(AppProcess node)
    {
        ArgumentNullException.ThrowIfNull(node);
        await node.WaitForOutputAsync(line => CompletedLine().IsMatch(line), "a run's completion");
        return CompletedRuns(node);
    }

    /// <summary>The runs a worker says it claimed from the queue, from its log lines, as read so far.</summary>
    public static IReadOnlySet<long> ClaimedRuns(AppProcess node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Output.Select(line => ClaimedLine().Match(line)).Where(m => m.Success)
            .Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
    }

    public string Tails() => string.Join('\n', new[] { Web }.Concat(_workers).Select(n => n.Tail()));

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in _workers)
        {
            await worker.DisposeAsync();
        }

        await Web.DisposeAsync();
    }

    [GeneratedRegex(@"Run (\d+) for @\S+ completed")]
    private static partial Regex CompletedLine();

    [GeneratedRegex(@"Run (\d+) claimed from the queue")]
    private static partial Regex ClaimedLine();
}
