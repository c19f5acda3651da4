using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitor.Core;
using Monitor.Core.Catalog;
using Monitor.Core.Data;
using Monitor.Core.Dispatch;
using Monitor.Core.LiveEvents;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;

namespace Monitor.Tests.Infrastructure;

/// <summary>
/// The one in-process Core: Monitor.Core's services as the app registers them (<c>AddMonitorCore</c>) in a generic host
/// over a test database, without the web host; its run events are recorded. Two ways in: <c>new CoreHost(database,
/// settings)</c> for services called directly (nothing started, the test migrates), or <see cref="StartAsync"/> on a
/// <see cref="SchedulingDatabase"/> for a node whose hosted services (recovery, scheduler, reaper) run, against a
/// <see cref="FakeScrapeCreators"/> it owns unless given one.
/// </summary>
public sealed class CoreHost : IAsyncDisposable
{
    private static int _nextPostPrefix;
    private readonly IHost _host;
    private readonly FakeScrapeCreators? _upstream;
    private readonly bool _ownsUpstream;
    private readonly IDisposable _subscription;

    /// <summary>Services only: the database's configuration and <paramref name="settings"/> on top; not started, not migrated.</summary>
    public CoreHost(TestDatabase database, IEnumerable<KeyValuePair<string, string?>> settings, Action<IServiceCollection>? configure = null)
        : this(Build(new Dictionary<string, string?>(database?.Configuration ?? throw new ArgumentNullException(nameof(database))), settings, null, configure), null, false)
    {
    }

    private CoreHost(IHost host, FakeScrapeCreators? upstream, bool ownsUpstream)
    {
        _host = host;
        _upstream = upstream;
        _ownsUpstream = ownsUpstream;
        _subscription = Get<MonitoringEventHub>().Subscribe(e =>
        {
            Events.Enqueue(e);
            return Task.CompletedTask;
        });
    }

    /// <summary>The fake upstream of a host made by <see cref="StartAsync"/>.</summary>
    public FakeScrapeCreators Upstream => _upstream ?? throw new InvalidOperationException("This host was made without a fake upstream: use StartAsync.");

    public ConcurrentQueue<MonitoringEvent> Events { get; } = new();

    public IServiceProvider Services => _host.Services;

    public T Get<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    /// <summary>
    /// A node on <paramref name="database"/> against a fake upstream (no page delay, no sweep jitter): built, migrated,
    /// and its hosted services started unless <paramref name="start"/> is false.
    /// </summary>
    public static async Task<CoreHost> StartAsync(SchedulingDatabase database, Dictionary<string, string?>? settings = null,
        TimeProvider? time = null, bool start = true, FakeScrapeCreators? upstream = null, Action<IServiceCollection>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var fake = upstream ?? new FakeScrapeCreators();
        var config = database.Settings();
        foreach (var (key, value) in fake.Settings)
        {
            config[key] = value;
        }

        config["Monitoring:PageDelay"] = "00:00:00";
        config["Monitoring:SweepJitter"] = "00:00:00";
        var host = Build(config, settings ?? [], time, configure);
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        var testHost = new CoreHost(host, fake, ownsUpstream: upstream is null);
        if (start)
        {
            await host.StartAsync();
        }

        return testHost;
    }

    /// <summary>Adds a profile the way the app does (<see cref="ProfileService"/>, which looks it up upstream).</summary>
    public async Task<Guid> AddProfileAsync(string handle, bool monitoringEnabled = true)
    {
        var result = await Get<ProfileService>().AddAsync(handle, monitoringEnabled, CancellationToken.None);
        Assert.True(result.Status == AddProfileStatus.Created, $"Adding @{handle} gave {result.Status}: {result.Message}");
        return result.Profile!.Id;
    }

    /// <summary>
    /// Stores a profile straight in the database (no upstream lookup), and serves its feed from <see cref="Upstream"/>:
    /// <paramref name="feed"/>, or one page of three posts of its own.
    /// </summary>
    public async Task<Guid> StoreProfileAsync(string handle, bool enabled = false, DateTime? next = null, Func<string?, (int Status, string Body)>? feed = null, TimeSpan? latency = null)
    {
        var prefix = (Interlocked.Increment(ref _nextPostPrefix) % 9) + 1;
        var salt = Random.Shared.Next(1_000_000);
        Upstream.ServeProfile(handle, 200, FakeFeed.Profile(handle));
        Upstream.ServeFeed(handle, feed ?? (_ => (200, FakeFeed.Page(Enumerable.Range(0, 3).Select(i => (FakeFeed.Id(prefix, (salt * 10) + i), 100L + i)), null))), latency);
        var now = Get<TimeProvider>().GetUtcNow().UtcDateTime;
        var profile = new TiktokProfile
        {
            Handle = handle,
            MonitoringEnabled = enabled,
            NextMonitoringRun = next,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await using var db = await Get<IDbContextFactory<MonitorDbContext>>().CreateDbContextAsync();
        db.Profiles.Add(profile);
        await db.SaveChangesAsync();
        return profile.Id;
    }

    /// <summary>Queues a manual run the way a service call does and executes it to the end.</summary>
    public async Task<RunOutcome> RunOnceAsync(Guid profileId)
    {
        var request = await Get<RunLifecycle>().QueueAsync(profileId, MonitoringTrigger.Manual, 1, null, CancellationToken.None);
        Assert.NotNull(request);
        return await Get<MonitoringRunner>().RunAsync(request.Log.Id, CancellationToken.None);
    }

    public async Task<List<MonitoringRun>> LogsAsync(Guid? profileId = null)
    {
        await using var db = await Get<IDbContextFactory<MonitorDbContext>>().CreateDbContextAsync();
        return await db.Runs.AsNoTracking().Where(l => profileId == null || l.ProfileId == profileId).OrderBy(l => l.Id).ToListAsync();
    }

    public async Task<TiktokProfile> ProfileAsync(Guid profileId)
    {
        await using var db = await Get<IDbContextFactory<MonitorDbContext>>().CreateDbContextAsync();
        return await db.Profiles.AsNoTracking().SingleAsync(p => p.Id == profileId);
    }

    /// <summary>Polls until <paramref name="condition"/> holds; fails after <paramref name="seconds"/>.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int seconds = 20)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {seconds} s waiting for: {what}");
            }

            await Task.Delay(50);
        }
    }

    public async Task WaitForLogsAsync(Func<List<MonitoringRun>, bool> condition, string what, int seconds = 20)
    {
        ArgumentNullException.ThrowIfNull(condition);
        try
        {
            await WaitUntilAsync(async () => condition(await LogsAsync()), what, seconds);
        }
        catch (TimeoutException ex)
        {
            var logs = string.Join("\n", (await LogsAsync()).Select(l =>
                $"{l.Id} {l.Status} {l.Trigger} #{l.Attempt} for {l.ScheduledFor:O}: {l.FailureReason} {l.RetryDecision} {l.Error}"));
            throw new TimeoutException($"{ex.Message}; logs:\n{logs}", ex);
        }
    }

    /// <summary>The largest number of runs whose [started, completed] intervals overlap, from the logs.</summary>
    public static int MaxOverlap(IEnumerable<MonitoringRun> logs)
    {
        var edges = logs.Where(l => l.StartedAt is not null && l.CompletedAt is not null)
            .SelectMany(l => new[] { (At: l.StartedAt!.Value, Delta: 1), (At: l.CompletedAt!.Value, Delta: -1) })
            .OrderBy(e => e.At).ThenBy(e => e.Delta);
        int current = 0, max = 0;
        foreach (var edge in edges)
        {
            current += edge.Delta;
            max = Math.Max(max, current);
        }

        return max;
    }

    public async Task StopAsync() => await _host.StopAsync();

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync();
        }
        finally
        {
            _subscription.Dispose();
            if (_host is IAsyncDisposable asyncHost)
            {
                await asyncHost.DisposeAsync();
            }
            else
            {
                _host.Dispose();
            }

            if (_ownsUpstream)
            {
                _upstream?.Dispose();
            }
        }
    }

    private static IHost Build(Dictionary<string, string?> config, IEnumerable<KeyValuePair<string, string?>> settings, TimeProvider? time,
        Action<IServiceCollection>? configure)
    {
        var builder = Host.CreateApplicationBuilder();
        if (Environment.GetEnvironmentVariable("MONITOR_TEST_LOGS") is null)
        {
            builder.Logging.ClearProviders();
        }

        foreach (var (key, value) in settings)
        {
            config[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(config);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(15));
        builder.Services.AddMonitorCore(builder.Configuration);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        configure?.Invoke(builder.Services);
        return builder.Build();
    }
}
