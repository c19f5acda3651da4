using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitor.Core;
using Monitor.Core.Data;
using Monitor.Core.Monitoring;
using Monitor.Core.Monitoring.Scheduling;
using Monitor.Core.Profiles;

namespace Monitor.Tests.Monitoring;

/// <summary>The app's Core services in a generic host, on a test database, with the upstream faked at the run seam.</summary>
internal sealed class MonitoringTestHost : IAsyncDisposable
{
    private readonly IHost _host;

    private MonitoringTestHost(IHost host, FakeRunExecutor executor)
    {
        _host = host;
        Executor = executor;
    }

    public FakeRunExecutor Executor { get; }
    public IServiceProvider Services => _host.Services;
    public T Get<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    /// <summary>Builds and migrates; starts the hosted services (recovery, scheduler) unless <paramref name="start"/> is false.</summary>
    public static async Task<MonitoringTestHost> StartAsync(SchedulingDatabase database, Dictionary<string, string?>? settings = null,
        TimeProvider? time = null, bool start = true, Action<FakeRunExecutor>? script = null)
    {
        var builder = Host.CreateApplicationBuilder();
        if (Environment.GetEnvironmentVariable("MONITOR_TEST_LOGS") is null)
        {
            builder.Logging.ClearProviders();
        }
        var config = database.Settings();
        config["Monitoring:PageDelay"] = "00:00:00";
        config["Monitoring:SweepJitter"] = "00:00:00";
        foreach (var (key, value) in settings ?? [])
        {
            config[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(config);
        builder.Services.AddMonitorCore(builder.Configuration);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        FakeRunExecutor? executor = null;
        builder.Services.AddSingleton<IMonitoringRunExecutor>(sp =>
        {
            executor ??= new FakeRunExecutor(sp.GetRequiredService<IDbContextFactory<MonitorDbContext>>(), sp.GetRequiredService<TimeProvider>());
            return executor;
        });
        var host = builder.Build();
        var fake = (FakeRunExecutor)host.Services.GetRequiredService<IMonitoringRunExecutor>();
        script?.Invoke(fake);
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        if (start)
        {
            await host.StartAsync();
        }

        return new MonitoringTestHost(host, fake);
    }

    public async Task<Guid> AddProfileAsync(string handle, bool enabled = false, DateTime? next = null)
    {
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

    public async Task<List<ProfileMonitoringLog>> LogsAsync(Guid? profileId = null)
    {
        await using var db = await Get<IDbContextFactory<MonitorDbContext>>().CreateDbContextAsync();
        return await db.MonitoringLogs.AsNoTracking().Where(l => profileId == null || l.ProfileId == profileId).OrderBy(l => l.Id).ToListAsync();
    }

    /// <summary>Polls until <paramref name="condition"/> holds; fails after <paramref name="seconds"/>.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int seconds = 20)
    {
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

    public async Task WaitForLogsAsync(Func<List<ProfileMonitoringLog>, bool> condition, string what, int seconds = 20)
    {
        try
        {
            await WaitUntilAsync(async () => condition(await LogsAsync()), what, seconds);
        }
        catch (TimeoutException ex)
        {
            var logs = string.Join("\n", (await LogsAsync()).Select(l => $"{l.Id} {l.Status} {l.Trigger} #{l.Attempt} for {l.ScheduledFor:O}: {l.Error}"));
            throw new TimeoutException($"{ex.Message}; logs:\n{logs}", ex);
        }
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
            _host.Dispose();
        }
    }
}
